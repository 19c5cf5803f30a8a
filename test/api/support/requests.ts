import { recentDaytimeIso } from '../../support/daytime';
import { type Auth, httpEvent } from './events';

/** Builders for each route's event, so tests read like the API they exercise. */

let sequence = 0;

/** Unique per call: event ids are applied once, ever. */
export function uniqueId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${Date.now().toString(36)}-${sequence}`;
}

const IAM: Auth = { kind: 'iam' };

export function activityBody(
  userId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    event_id: uniqueId('evt'),
    user_id: userId,
    activity_type: 'flashcard_session',
    occurred_at: recentDaytimeIso(),
    ...overrides,
  };
}

export const recordActivityEvent = (body: unknown, auth: Auth = IAM, headers?: Record<string, string>) =>
  httpEvent({ method: 'POST', route: '/v1/internal/activities', body, auth, headers });

export const adjustmentEvent = (userId: string, body: unknown, auth: Auth = IAM) =>
  httpEvent({
    method: 'POST',
    route: '/v1/internal/users/{id}/adjustments',
    pathParameters: { id: userId },
    body,
    auth,
  });

export const getUserEvent = (userId: string, auth: Auth = IAM) =>
  httpEvent({ method: 'GET', route: '/v1/internal/users/{id}', pathParameters: { id: userId }, auth });

export const updateUserEvent = (userId: string, body: unknown, auth: Auth = IAM) =>
  httpEvent({
    method: 'PATCH',
    route: '/v1/internal/users/{id}',
    pathParameters: { id: userId },
    body,
    auth,
  });

export const getMeEvent = (auth: Auth) => httpEvent({ method: 'GET', route: '/v1/me', auth });

export const getMyHistoryEvent = (auth: Auth, query?: Record<string, string>) =>
  httpEvent({ method: 'GET', route: '/v1/me/history', query, auth });

export const asUser = (sub: string): Auth => ({ kind: 'jwt', sub });
