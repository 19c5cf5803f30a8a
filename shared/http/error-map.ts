import {
  ConflictError,
  ContentionError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  type QuestlineError,
  RateLimitedError,
  RuleRefusedError,
  UnauthorizedError,
  ValidationError,
} from '../domain/errors';
import { HttpProtocolError } from './http-errors';
import { json } from './responses';
import type { HttpResult } from './types';

/** The one error body this API returns. */
export interface ErrorBody {
  error: { code: string; message: string; details?: FieldIssue[] };
}

interface ErrorMapping {
  type: abstract new (...args: never[]) => QuestlineError;
  status: (error: never) => number;
  headers?: (error: never) => Record<string, string>;
}

const fixed = (status: number) => () => status;
const retryAfter = (error: { retryAfterSeconds: number }) => ({
  'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))),
});

/**
 * The single table from typed errors to HTTP statuses. Order matters only in
 * that the first match wins; the classes do not inherit from one another.
 */
const errorTable: readonly ErrorMapping[] = [
  { type: ValidationError, status: fixed(400) },
  { type: HttpProtocolError, status: (e: HttpProtocolError) => e.statusCode },
  { type: UnauthorizedError, status: fixed(401) },
  { type: ForbiddenError, status: fixed(403) },
  { type: NotFoundError, status: fixed(404) },
  { type: ConflictError, status: fixed(409) },
  { type: ContentionError, status: fixed(409), headers: retryAfter },
  { type: RuleRefusedError, status: fixed(422) },
  { type: RateLimitedError, status: fixed(429), headers: retryAfter },
];

/** Deliberately vague: the real cause is in the logs, keyed by request id. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side; it has been logged';

/** Maps a known error to its response, or returns null for anything else. */
export function knownErrorResponse(error: unknown): HttpResult | null {
  for (const mapping of errorTable) {
    if (error instanceof mapping.type) {
      const body: ErrorBody = { error: { code: error.code, message: error.message } };
      if (error instanceof ValidationError) body.error.details = error.details;
      const headers = mapping.headers?.(error as never) ?? {};
      return json(mapping.status(error as never), body, headers);
    }
  }
  return null;
}

/** The response for anything unexpected: generic, so internals never leak. */
export function internalErrorResponse(): HttpResult {
  const body: ErrorBody = { error: { code: 'internal_error', message: INTERNAL_ERROR_MESSAGE } };
  return json(500, body);
}
