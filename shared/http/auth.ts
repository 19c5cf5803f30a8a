import { userIdSchema } from '../../events/activity-completed.v1';
import { ForbiddenError, UnauthorizedError } from '../domain/errors';
import { internalCallersFrom, isAllowedCaller } from './internal-callers';
import type { HttpEvent } from './types';

/**
 * The caller of a jwt route: the token's `sub`, as validated by API Gateway's
 * JWT authorizer. A /me route never takes a user id from anywhere else.
 */
export function userFromJwt(event: HttpEvent): string {
  const sub = event.requestContext?.authorizer?.jwt?.claims?.sub;
  if (typeof sub !== 'string' || sub === '')
    throw new UnauthorizedError('A bearer token with a subject is required');
  // A subject that could never be a user id (odd characters, too long) must not reach the key module.
  if (!userIdSchema.safeParse(sub).success)
    throw new UnauthorizedError('The token subject is not a valid user id');
  return sub;
}

export interface IamCaller {
  userArn: string;
  accountId: string;
}

/** The operator's allowlist (internal-callers.ts), read once per process. */
const internalCallers = internalCallersFrom(process.env);

/**
 * API Gateway enforces SigV4 on iam routes; checking the authorizer context
 * again is defence in depth, and what the local runtime emulates. Then the
 * signer must be on the operator's allowlist of internal callers, if any:
 * 403 `forbidden` otherwise.
 */
export function requireIamCaller(
  event: HttpEvent,
  allowlist: readonly string[] = internalCallers,
): IamCaller {
  const iam = event.requestContext?.authorizer?.iam;
  if (!iam || typeof iam.userArn !== 'string' || iam.userArn === '') {
    throw new UnauthorizedError('This route requires AWS SigV4 (IAM) authentication');
  }
  if (!isAllowedCaller(iam.userArn, allowlist)) {
    throw new ForbiddenError('This caller is not one of the internal callers the operator allows');
  }
  return { userArn: iam.userArn, accountId: iam.accountId };
}
