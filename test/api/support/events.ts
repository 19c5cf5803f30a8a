import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../../../shared/http/types';

/**
 * API Gateway HTTP API v2 (payload format 2.0) events, shaped like the ones
 * API Gateway and the local runtime send, with the authorizer stand-ins the
 * brief agreed on.
 */

export type Auth = { kind: 'jwt'; sub: string } | { kind: 'iam' } | { kind: 'none' };

export interface EventInput {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** the route's path template, e.g. /v1/internal/users/{id} */
  route: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  /** an object is sent as JSON; a string is sent as is */
  body?: unknown;
  headers?: Record<string, string>;
  auth: Auth;
}

let counter = 0;

export function httpEvent(input: EventInput): HttpEvent {
  counter += 1;
  const rawPath = input.route.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(input.pathParameters?.[name] ?? ''),
  );
  const hasBody = input.body !== undefined;
  const headers: Record<string, string> = {
    host: 'api.questline.test',
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
    ...input.headers,
  };
  const event: HttpEvent = {
    version: '2.0',
    routeKey: `${input.method} ${input.route}`,
    rawPath,
    rawQueryString: new URLSearchParams(input.query ?? {}).toString(),
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'api.questline.test',
      domainPrefix: 'api',
      http: {
        method: input.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: `req-${counter}`,
      routeKey: `${input.method} ${input.route}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...authorizerFor(input.auth),
    },
    isBase64Encoded: false,
  };
  if (input.pathParameters) event.pathParameters = input.pathParameters;
  if (input.query) event.queryStringParameters = input.query;
  if (hasBody) event.body = typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  return event;
}

function authorizerFor(auth: Auth): Pick<HttpEvent['requestContext'], 'authorizer'> {
  if (auth.kind === 'jwt') {
    return { authorizer: { jwt: { claims: { sub: auth.sub, token_use: 'access' }, scopes: null } } };
  }
  if (auth.kind === 'iam') {
    return {
      authorizer: {
        iam: {
          accessKey: 'AKIALOCAL',
          accountId: 'local',
          callerId: 'local-internal',
          cognitoIdentity: null,
          principalOrgId: null,
          userArn: 'arn:aws:iam::000000000000:user/local-internal',
          userId: 'local-internal',
        },
      },
    };
  }
  return {};
}

export function lambdaContext(functionName = 'questline-test'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: `aws-req-${++counter}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface ParsedResponse {
  statusCode: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  body: any;
}

/** Calls a handler like API Gateway would and parses its JSON answer. */
export async function invoke(
  handler: (event: HttpEvent, context: Context) => Promise<unknown>,
  event: HttpEvent,
): Promise<ParsedResponse> {
  const result = (await handler(event, lambdaContext())) as {
    statusCode: number;
    headers: Record<string, string>;
    body: string;
  };
  return { statusCode: result.statusCode, headers: result.headers, body: JSON.parse(result.body) };
}
