import type {
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2WithRequestContext,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';

/**
 * What API Gateway's authorizers put on the request context (payload format
 * 2.0). Both are optional: which one is present depends on the route's auth
 * kind, and the auth helpers refuse a request that lacks the one it needs.
 */
export interface HttpAuthorizer {
  jwt?: {
    claims: Record<string, string | number | boolean | string[]>;
    scopes: string[] | null;
  };
  iam?: {
    accessKey: string;
    accountId: string;
    callerId: string;
    cognitoIdentity: unknown;
    principalOrgId: string | null;
    userArn: string;
    userId: string;
  };
}

export type HttpRequestContext = APIGatewayEventRequestContextV2 & { authorizer?: HttpAuthorizer };

/**
 * An API Gateway HTTP API v2 event. `jsonBody` is set by the JSON body
 * middleware on routes that take a body, so `main` never parses strings.
 */
export type HttpEvent = APIGatewayProxyEventV2WithRequestContext<HttpRequestContext> & {
  jsonBody?: unknown;
};

export type HttpResult = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
};

/** A handler's core: event in, response out; typed errors are thrown, not returned. */
export type HttpMain = (event: HttpEvent) => Promise<HttpResult>;
