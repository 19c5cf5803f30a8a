import type { MiddlewareObj } from '@middy/core';
import { QuestlineError } from '../domain/errors';
import { logger, recordOutcome } from '../observability';
import { internalErrorResponse, knownErrorResponse } from './error-map';
import { invalidJson, payloadTooLarge, unsupportedMediaType } from './http-errors';
import type { HttpEvent, HttpResult } from './types';

type HttpMiddleware = MiddlewareObj<HttpEvent, HttpResult>;

/** Tags every log line of the request with its API Gateway request id and route. */
export function requestLogging(routeId: string): HttpMiddleware {
  return {
    before: ({ event }) => {
      logger.setCorrelationId(event.requestContext?.requestId);
      logger.appendKeys({ route: routeId });
    },
  };
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Parses a JSON body into `event.jsonBody`. Bounded before parsing so a huge
 * body costs no CPU; an absent body is left undefined for the schema to name.
 */
export function jsonBody(opts: { maxBytes: number }): HttpMiddleware {
  return {
    before: ({ event }) => {
      const raw = event.body;
      if (raw === undefined || raw === null || raw === '') return;
      const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      if (Buffer.byteLength(text, 'utf8') > opts.maxBytes) throw payloadTooLarge(opts.maxBytes);
      const contentType = headerValue(event, 'content-type');
      if (!contentType || !JSON_MEDIA_TYPE.test(contentType)) throw unsupportedMediaType(contentType);
      try {
        event.jsonBody = JSON.parse(text);
      } catch {
        throw invalidJson();
      }
    },
  };
}

/** One count per request, by outcome: `ok` or the error code the client saw. */
export function outcomeMetric(routeId: string): HttpMiddleware {
  return {
    after: () => recordOutcome(routeId, 'ok'),
    onError: ({ error }) => {
      recordOutcome(routeId, error instanceof QuestlineError ? error.code : 'internal_error');
    },
  };
}

/**
 * Must be the LAST `.use()`: middy runs onError handlers in reverse, so this
 * one turns the error into a response first and the others observe it.
 */
export function errorResponses(): HttpMiddleware {
  return {
    onError: (request) => {
      const known = knownErrorResponse(request.error);
      if (known) {
        logger.info('Request refused', {
          status: known.statusCode,
          code: (request.error as QuestlineError).code,
        });
        request.response = known;
        return;
      }
      logger.error('Unhandled error', request.error as Error);
      request.response = internalErrorResponse();
    },
  };
}

function headerValue(event: HttpEvent, name: string): string | undefined {
  const headers = event.headers ?? {};
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}
