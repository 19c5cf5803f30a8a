import type * as z from 'zod';
import type { TableAccess } from '../table-access';
import type { RouteThrottle } from './route-throttles';

/** jwt: end users (Cognito or OIDC `sub`); iam: service-to-service (SigV4); public: no auth. */
export type RouteAuth = 'jwt' | 'iam' | 'public';

/**
 * What a function does with monster scenes: 'read' shows them (it gets the
 * images' base URL), 'start' also starts the scene workflow (it gets the
 * state machine's ARN and states:StartExecution on it, nothing more).
 */
export type SceneAccess = 'read' | 'start';

/** What deploying and serving a route needs: the CDK stack and the local gateway read only this. */
export interface RouteDefinition {
  /** stable name: the function's logical id, its metric dimension and its OpenAPI operationId */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path with {params} */
  path: string;
  /** handler module relative to the repository root; it exports `handler` */
  entry: string;
  auth: RouteAuth;
  table: TableAccess;
  scenes?: SceneAccess;
  summary: string;
  /** this route's own limit on AWS, below the stage's (requests per second, and the burst) */
  throttle?: RouteThrottle;
  /** the function's timeout when the default 10 s is too short (API Gateway waits 30 s at most) */
  timeoutSeconds?: number;
}

/** What a route reads from the request; its handler is given exactly these, parsed. */
export interface RouteRequest {
  path?: z.ZodObject;
  query?: z.ZodObject;
  /** request headers the route reads (lower case, as API Gateway hands them over) */
  headers?: z.ZodObject;
  /** `optional`: no body at all is read as `{}` */
  body?: { name: string; schema: z.ZodType; optional?: boolean };
}

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  /** the schema's component name in the OpenAPI document */
  name?: string;
}

/**
 * A route, whole: where it is served, who may call it, what it reads and what
 * it answers. Its handler parses with these schemas (http-handler.ts) and the
 * OpenAPI document is built from them, so the two cannot drift.
 */
export interface HttpRoute extends RouteDefinition {
  request?: RouteRequest;
  responses: Readonly<Record<number, RouteResponse>>;
  /**
   * The errors the route's use case can answer. The ones its shape implies
   * are added by the OpenAPI builder: 400 for any input, 413 and 415 for a
   * body, 401 when it needs credentials, 403 for an iam caller not on the
   * allowlist; 500 everywhere.
   */
  errors: readonly number[];
}

/** Typed identity: keeps each record's literal auth and schema types for its handler. */
export function defineRoute<R extends HttpRoute>(route: R): R {
  return route;
}

/** Every error status a route can answer besides 500, in order: its own and the ones its shape implies. */
export function errorStatusesOf(route: HttpRoute): number[] {
  const request = route.request ?? {};
  const takesInput = Object.values(request).some((part) => part !== undefined);
  const implied = [
    ...(takesInput ? [400] : []),
    ...(request.body ? [413, 415] : []),
    ...(route.auth === 'public' ? [] : [401]),
    ...(route.auth === 'iam' ? [403] : []),
  ];
  return [...new Set([...implied, ...route.errors])].sort((a, b) => a - b);
}

/**
 * The answers of a route that applies something once: 201 the first time,
 * 200 with `duplicate: true` for a replay of the same key, the same schema.
 */
export function appliedOnce(schema: z.ZodType, name: string, text: { created: string; replayed: string }) {
  return {
    201: { description: text.created, schema, name },
    200: { description: text.replayed, schema, name },
  };
}
