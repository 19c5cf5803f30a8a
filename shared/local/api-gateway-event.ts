import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayEventRequestContextV2, APIGatewayProxyEventV2WithRequestContext } from 'aws-lambda';

/**
 * Builds the event API Gateway HTTP APIs send with payload format 2.0, so the
 * handlers run locally on exactly the input they get on AWS.
 */

export interface JwtAuthorizer {
  jwt: { claims: Record<string, string>; scopes: string[] | null };
}

export interface IamAuthorizer {
  iam: {
    accessKey: string;
    accountId: string;
    callerId: string;
    cognitoIdentity: null;
    principalOrgId: null;
    userArn: string;
    userId: string;
  };
}

export type LocalAuthorizer = JwtAuthorizer | IamAuthorizer;

export type LocalApiEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: LocalAuthorizer }
>;

export interface IncomingRequest {
  method: string;
  rawPath: string;
  /** without the leading `?` */
  rawQueryString: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
  protocol: string;
}

export const LOCAL_ACCOUNT_ID = '000000000000';
const LOCAL_API_ID = 'local';

export function toApiGatewayEvent(
  request: IncomingRequest,
  match: { routeKey: string; pathParameters: Record<string, string> },
  context: { requestId: string; now: Date; authorizer?: LocalAuthorizer },
): LocalApiEvent {
  const headers = flattenHeaders(request.headers);
  const cookies = headers.cookie?.split(/;\s*/).filter((c) => c !== '');
  // payload 2.0 moves cookies out of the headers into their own field
  delete headers.cookie;
  const domainName = headers.host ?? 'localhost';
  const event: LocalApiEvent = {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    headers,
    isBase64Encoded: false,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method,
        path: request.rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: context.requestId,
      routeKey: match.routeKey,
      stage: '$default',
      time: formatRequestTime(context.now),
      timeEpoch: context.now.getTime(),
      ...(context.authorizer ? { authorizer: context.authorizer } : {}),
    },
  };
  if (cookies && cookies.length > 0) event.cookies = cookies;
  const query = queryParameters(request.rawQueryString);
  if (query) event.queryStringParameters = query;
  if (Object.keys(match.pathParameters).length > 0) event.pathParameters = match.pathParameters;
  if (request.body.length > 0) Object.assign(event, encodeBody(request.body));
  return event;
}

/** Duplicate headers are joined with commas, as payload 2.0 does. */
function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return flat;
}

/** Duplicate query keys are joined with commas; absent when there is no query. */
function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    params[key] = params[key] === undefined ? value : `${params[key]},${value}`;
  }
  return params;
}

/** Text stays text; bytes that are not valid UTF-8 travel base64-encoded, flagged. */
function encodeBody(body: Buffer): { body: string; isBase64Encoded: boolean } {
  const text = body.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(body)) return { body: text, isBase64Encoded: false };
  return { body: body.toString('base64'), isBase64Encoded: true };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's `time` format: 23/Nov/2026:15:04:05 +0000. */
function formatRequestTime(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${pad(now.getUTCDate())}/${MONTHS[now.getUTCMonth()]}/${now.getUTCFullYear()}`;
  return `${date}:${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())} +0000`;
}
