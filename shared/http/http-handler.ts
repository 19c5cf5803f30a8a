import middy from '@middy/core';
import type * as z from 'zod';
import { lambdaObservability } from '../observability';
import { requireIamCaller, userFromJwt } from './auth';
import type { HttpRoute } from './define-route';
import { errorResponses, jsonBody, outcomeMetric, requestLogging } from './middleware';
import type { HttpEvent, HttpResult } from './types';
import { parseInput } from './validate';

/** Bodies are small JSON documents; anything bigger is a mistake or abuse. */
export const MAX_BODY_BYTES = 16 * 1024;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Part<R extends HttpRoute, K extends 'path' | 'query' | 'headers'> = R['request'] extends {
  [P in K]: infer S;
}
  ? Parsed<S>
  : undefined;
type Body<R extends HttpRoute> = R['request'] extends { body: { schema: infer S } } ? Parsed<S> : undefined;

/** What a route's handler is given: the request's parts parsed with the route's schemas, and its caller. */
export type RouteInput<R extends HttpRoute> = {
  event: HttpEvent;
  path: Part<R, 'path'>;
  query: Part<R, 'query'>;
  headers: Part<R, 'headers'>;
  body: Body<R>;
} & (R['auth'] extends 'jwt' ? { userId: string } : unknown);

export type RouteMain<R extends HttpRoute> = (input: RouteInput<R>) => Promise<HttpResult>;

/**
 * The one middy stack every HTTP handler uses: structured logs with the
 * Lambda context, an outcome metric, JSON body parsing for routes that take
 * a body, and the error mapping last so it sees every error first. Before
 * `main` runs, the caller is checked as the route's auth says (the token's
 * subject, or an allowed IAM signer) and the input parsed with the route's
 * own schemas: a 400 names each bad field, and `main` never sees raw input.
 */
export function httpHandler<R extends HttpRoute>(route: R, main: RouteMain<R>) {
  const parsed = (event: HttpEvent) => main(routeInput(route, event));
  const handler = middy<HttpEvent, HttpResult>(parsed)
    .use(lambdaObservability())
    .use(requestLogging(route.id))
    .use(outcomeMetric(route.id));
  if (route.request?.body) handler.use(jsonBody({ maxBytes: MAX_BODY_BYTES }));
  // the record it was built from, so a test can hold every handler to the route table
  return Object.assign(handler.use(errorResponses()), { route });
}

function routeInput<R extends HttpRoute>(route: R, event: HttpEvent): RouteInput<R> {
  // who is calling comes first: a stranger learns nothing from a 400
  const caller = route.auth === 'jwt' ? { userId: userFromJwt(event) } : {};
  if (route.auth === 'iam') requireIamCaller(event);
  const { path, query, headers, body } = route.request ?? {};
  const input = {
    event,
    ...caller,
    path: path && parseInput(path, event.pathParameters ?? {}, 'path'),
    query: query && parseInput(query, event.queryStringParameters ?? {}, 'query'),
    headers: headers && parseInput(headers, event.headers ?? {}, 'header'),
    body: body && parseInput(body.schema, event.jsonBody ?? (body.optional ? {} : undefined), 'body'),
  };
  return input as RouteInput<R>;
}
