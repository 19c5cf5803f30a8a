import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ContentionError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  RuleRefusedError,
  UnauthorizedError,
  ValidationError,
} from '../../shared/domain/errors';
import {
  INTERNAL_ERROR_MESSAGE,
  internalErrorResponse,
  knownErrorResponse,
} from '../../shared/http/error-map';
import { invalidJson, payloadTooLarge, unsupportedMediaType } from '../../shared/http/http-errors';

const cases = [
  {
    error: new ValidationError([{ field: 'occurred_at', message: 'bad' }]),
    status: 400,
    code: 'validation_failed',
  },
  { error: invalidJson(), status: 400, code: 'invalid_json' },
  { error: new UnauthorizedError('no token'), status: 401, code: 'unauthorized' },
  { error: new ForbiddenError('nope'), status: 403, code: 'forbidden' },
  { error: new NotFoundError('user', 'u-1'), status: 404, code: 'user_not_found' },
  { error: new ConflictError('event_id_reused', 'reused'), status: 409, code: 'event_id_reused' },
  { error: new ContentionError(2), status: 409, code: 'contention' },
  { error: payloadTooLarge(16), status: 413, code: 'payload_too_large' },
  { error: unsupportedMediaType('text/plain'), status: 415, code: 'unsupported_media_type' },
  { error: new RuleRefusedError('cap_reached', 'cap'), status: 422, code: 'cap_reached' },
  { error: new RateLimitedError(30), status: 429, code: 'rate_limited' },
];

describe('error map', () => {
  it.each(cases)('maps $code to $status with the error body shape', ({ error, status, code }) => {
    const response = knownErrorResponse(error);
    expect(response?.statusCode).toBe(status);
    expect(response?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(response?.body ?? '').error).toMatchObject({ code, message: error.message });
  });

  it('adds each offending field to a validation error', () => {
    const error = new ValidationError([
      { field: 'occurred_at', message: 'not a date' },
      { field: 'metadata', message: 'too big' },
    ]);
    const body = JSON.parse(knownErrorResponse(error)?.body ?? '');
    expect(body.error.details).toEqual([
      { field: 'occurred_at', message: 'not a date' },
      { field: 'metadata', message: 'too big' },
    ]);
  });

  it('tells the caller when to retry after contention, in whole seconds', () => {
    expect(knownErrorResponse(new ContentionError(0.2))?.headers['retry-after']).toBe('1');
    expect(knownErrorResponse(new ContentionError(3))?.headers['retry-after']).toBe('3');
  });

  it('tells the caller when to retry after a rate limit', () => {
    expect(knownErrorResponse(new RateLimitedError(42))?.headers['retry-after']).toBe('42');
  });

  it('does not claim errors it does not know', () => {
    expect(knownErrorResponse(new Error('boom'))).toBeNull();
    expect(knownErrorResponse('a string')).toBeNull();
    expect(knownErrorResponse(undefined)).toBeNull();
  });

  it('answers anything unknown with a generic 500', () => {
    const response = internalErrorResponse();
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'internal_error', message: INTERNAL_ERROR_MESSAGE },
    });
  });
});
