import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORS } from '../http/cors';
import type { RouteDefinition } from '../http/define-route';
import { type LocalAuthorizer, toApiGatewayEvent } from './api-gateway-event';
import type { DevAuth } from './dev-auth';
import { DEV_TOKEN_PATH, issueDevToken } from './dev-token-route';
import { errorResponse, type HttpResponse } from './http-response';
import { DEFAULT_TIMEOUT_MS, invokeHandler, type LambdaHandler, lambdaContext } from './lambda-invoke';
import { createRouteMatcher } from './route-matcher';

/**
 * The local API Gateway: routes a node:http request through the shared route
 * table, checks auth as the API's authorizers would, invokes the route's
 * handler with a payload 2.0 event and writes back what it returns.
 */

/** Loads the handler module of a route (or of any function with an id and an entry). */
export type HandlerLoader = (fn: Pick<RouteDefinition, 'id' | 'entry'>) => Promise<LambdaHandler>;

export interface GatewayOptions {
  routes: readonly RouteDefinition[];
  loadHandler: HandlerLoader;
  auth: DevAuth;
  timeoutMs?: number;
  log?: (line: string) => void;
  logError?: (message: string, error: unknown) => void;
  /** files served before the routes (the scene images): a response, or undefined to route the request */
  files?: (method: string, rawPath: string) => Promise<HttpResponse | undefined>;
}

/** API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function createGateway(options: GatewayOptions) {
  const match = createRouteMatcher(options.routes);
  const log = options.log ?? console.log;
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function route(req: IncomingMessage, body: Buffer, rawPath: string, rawQuery: string) {
    const method = req.method ?? 'GET';
    // a browser's CORS preflight, answered by the gateway itself as API Gateway does
    if (method === 'OPTIONS' && req.headers.origin && req.headers['access-control-request-method']) {
      return preflight();
    }
    const file = await options.files?.(method, rawPath);
    if (file) return file;
    if (rawPath === DEV_TOKEN_PATH) {
      return method === 'POST'
        ? issueDevToken(options.auth, body)
        : methodNotAllowed(method, rawPath, ['POST']);
    }
    const found = match(method, rawPath);
    if (found.kind === 'not_found') return errorResponse(404, 'route_not_found', `No route for ${rawPath}`);
    if (found.kind === 'bad_path')
      return errorResponse(400, 'bad_path', 'The path is not valid URL encoding');
    if (found.kind === 'method_not_allowed') return methodNotAllowed(method, rawPath, found.allowed);

    const { route } = found;
    const authorizer = await authorize(route, req.headers.authorization);
    if (authorizer === null) return unauthorized(route.auth);
    if (authorizer === 'forbidden') {
      return errorResponse(
        403,
        'forbidden',
        'This route takes access tokens: the token has none of its scopes',
      );
    }

    const requestId = randomUUID();
    const event = toApiGatewayEvent(
      {
        method,
        rawPath,
        rawQueryString: rawQuery,
        headers: req.headers,
        body,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        protocol: `HTTP/${req.httpVersion}`,
      },
      { routeKey: `${route.method} ${route.path}`, pathParameters: found.pathParameters },
      { requestId, now: new Date(), ...(authorizer ? { authorizer } : {}) },
    );
    const handler = await options.loadHandler(route);
    const result = await invokeHandler(
      handler,
      event,
      lambdaContext(route.id, requestId, timeoutMs),
      timeoutMs,
    );
    if (result.error !== undefined) logError(`${route.id} (${requestId}) failed:`, result.error);
    return result.response;
  }

  /** undefined: a public route; null: the request is not authorized. */
  async function authorize(
    route: RouteDefinition,
    authorization: string | undefined,
  ): Promise<LocalAuthorizer | 'forbidden' | null | undefined> {
    if (route.auth === 'iam') return options.auth.authorizeInternal(authorization);
    if (route.auth === 'jwt') return options.auth.authorizeJwt(authorization);
    return undefined;
  }

  return async function listener(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const [rawPath = '/', rawQuery = ''] = splitOnce(req.url ?? '/', '?');
    let response: HttpResponse;
    try {
      const body = await readBody(req);
      response =
        body === null
          ? errorResponse(413, 'payload_too_large', `The body exceeds ${MAX_BODY_BYTES} bytes`, {
              headers: { connection: 'close' },
            })
          : await route(req, body, rawPath, rawQuery);
    } catch (error) {
      logError(`${req.method} ${rawPath} failed in the local gateway:`, error);
      response = errorResponse(500, 'internal_error', 'Internal server error');
    }
    if (req.headers.origin) Object.assign(response.headers, corsHeaders());
    writeResponse(res, response);
    log(`${req.method} ${rawPath} ${response.statusCode} ${Math.round(performance.now() - started)}ms`);
  };
}

/** What API Gateway adds to an answer to a page of another origin (shared/http/cors.ts). */
function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': CORS.allowOrigins.join(','),
    'access-control-expose-headers': CORS.exposeHeaders.join(','),
  };
}

function preflight(): HttpResponse {
  return {
    statusCode: 204,
    headers: {
      'access-control-allow-methods': CORS.allowMethods.join(','),
      'access-control-allow-headers': CORS.allowHeaders.join(','),
      'access-control-max-age': String(CORS.maxAgeSeconds),
    },
    cookies: [],
    body: Buffer.alloc(0),
  };
}

function methodNotAllowed(method: string, path: string, allowed: string[]): HttpResponse {
  return errorResponse(405, 'method_not_allowed', `${method} is not allowed on ${path}`, {
    headers: { allow: allowed.join(', ') },
  });
}

function unauthorized(kind: RouteDefinition['auth']): HttpResponse {
  const message =
    kind === 'iam'
      ? 'This internal route needs Authorization: Bearer <internal_key from local.json>'
      : 'This route needs Authorization: Bearer <JWT> (POST /dev/token mints one locally)';
  return errorResponse(401, 'unauthorized', message, { headers: { 'www-authenticate': 'Bearer' } });
}

function writeResponse(res: ServerResponse, response: HttpResponse): void {
  const headers: Record<string, string | string[]> = { ...response.headers };
  if (response.cookies.length > 0) headers['set-cookie'] = response.cookies;
  headers['content-length'] = String(response.body.length);
  res.writeHead(response.statusCode, headers);
  res.end(response.body);
}

/** The whole body, or null past the size limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function splitOnce(value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
}
