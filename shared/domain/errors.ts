import type { RefusalReason } from './types';

/**
 * Typed errors with a stable `code`. The HTTP layer maps them to status codes in
 * one table (shared/http/error-map.ts); anything else is a generic 500.
 */
export abstract class QuestlineError extends Error {
  abstract readonly code: string;
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** Input that does not match a schema: 400 with each offending field. */
export class ValidationError extends QuestlineError {
  override readonly name = 'ValidationError';
  readonly code = 'validation_failed';
  constructor(
    readonly details: FieldIssue[],
    message = `Invalid request: ${details.map((d) => d.field).join(', ')}`,
  ) {
    super(message);
  }
}

export class UnauthorizedError extends QuestlineError {
  override readonly name = 'UnauthorizedError';
  readonly code = 'unauthorized';
}

export class ForbiddenError extends QuestlineError {
  override readonly name = 'ForbiddenError';
  readonly code = 'forbidden';
}

export class NotFoundError extends QuestlineError {
  override readonly name = 'NotFoundError';
  readonly code: string;
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.code = `${what}_not_found`;
  }
}

/** A conflicting write, e.g. an event id reused with a different payload. */
export class ConflictError extends QuestlineError {
  override readonly name = 'ConflictError';
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Too many concurrent writers on one user and the retry budget ran out.
 * Safe for the caller to retry with the same event id.
 */
export class ContentionError extends QuestlineError {
  override readonly name = 'ContentionError';
  readonly code = 'contention';
  constructor(
    readonly retryAfterSeconds: number,
    options?: ErrorOptions,
  ) {
    super('Too many concurrent updates for this user; retry with the same event_id', options);
  }
}

/** The rules refused the request (cap reached, already done, not enough coins): 422. */
export class RuleRefusedError extends QuestlineError {
  override readonly name = 'RuleRefusedError';
  readonly code: RefusalReason;
  constructor(reason: RefusalReason, message: string) {
    super(message);
    this.code = reason;
  }
}

export class RateLimitedError extends QuestlineError {
  override readonly name = 'RateLimitedError';
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; retry in ${retryAfterSeconds} s`);
  }
}
