import middy from '@middy/core';
import { lambdaObservability } from '../observability';
import { errorResponses, jsonBody, outcomeMetric, requestLogging } from './middleware';
import type { HttpEvent, HttpMain, HttpResult } from './types';

/** Bodies are small JSON documents; anything bigger is a mistake or abuse. */
export const MAX_BODY_BYTES = 16 * 1024;

export interface HttpHandlerOptions {
  /** the route's id in shared/http/routes.ts: the metric and log dimension */
  routeId: string;
  /** the route takes a JSON body */
  body?: boolean;
}

/**
 * The one middy stack every HTTP handler uses: structured logs with the
 * Lambda context, an outcome metric, JSON body parsing, and the error
 * mapping last so it sees every error first.
 */
export function httpHandler(main: HttpMain, opts: HttpHandlerOptions) {
  const handler = middy<HttpEvent, HttpResult>(main)
    .use(lambdaObservability())
    .use(requestLogging(opts.routeId))
    .use(outcomeMetric(opts.routeId));
  if (opts.body) handler.use(jsonBody({ maxBytes: MAX_BODY_BYTES }));
  // what it was built for, so a test can hold every handler to its route's record
  return Object.assign(handler.use(errorResponses()), {
    routeId: opts.routeId,
    takesBody: opts.body === true,
  });
}
