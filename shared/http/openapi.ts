import * as z from 'zod';
import { errorStatusesOf, type HttpRoute, type RouteAuth } from './define-route';
import { errorResponseSchema, ledgerEntryResponseSchema, profileResponseSchema } from './response-schemas';
import { routes } from './routes';

type JsonObject = Record<string, unknown>;

const SCHEMA_REF = (id: string) => `#/components/schemas/${id}`;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: validation_failed (with details per field) or invalid_json',
  401: 'Missing or unusable credentials',
  403: 'Not allowed',
  404: 'Not found, e.g. user_not_found',
  409: 'Conflict, or contention: retry with the same event_id after Retry-After seconds',
  413: 'The body is larger than 16 KB',
  415: 'The body is not application/json',
  422: 'Refused by the rules: cap_reached, already_done_today, insufficient_coins, ...',
  429: 'Rate limited: retry after Retry-After seconds',
  500: 'Unexpected error; the details are logged, never returned',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'seconds to wait', schema: { type: 'integer', minimum: 1 } },
};

const securitySchemes = {
  bearerJwt: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'End users: a JWT from the configured issuer (Cognito by default); the user is its `sub`',
  },
  awsSigV4: {
    type: 'apiKey',
    name: 'Authorization',
    in: 'header',
    description: 'Service-to-service: AWS Signature Version 4 with IAM credentials allowed to invoke the API',
    'x-amazon-apigateway-authtype': 'awsSigv4',
  },
} as const;

const SECURITY: Record<RouteAuth, JsonObject[]> = {
  jwt: [{ bearerJwt: [] }],
  iam: [{ awsSigV4: [] }],
  public: [],
};

/**
 * Builds the OpenAPI 3.1 document from the route records, with the same zod
 * schemas the handlers parse with (zod 4's own JSON Schema output).
 */
export function buildOpenApiDocument(routeList: readonly HttpRoute[] = routes): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routeList) {
    paths[route.path] ??= {};
    (paths[route.path] as JsonObject)[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Questline API',
      version: '1',
      description: 'Gamification engine: XP, levels, titles and coins in a ledger. JSON, snake_case fields.',
    },
    paths,
    components: { schemas: componentSchemas(routeList), securitySchemes },
  };
}

function operation(route: HttpRoute): JsonObject {
  const op: JsonObject = { operationId: route.id, summary: route.summary, security: SECURITY[route.auth] };
  const request = route.request ?? {};
  const parameters = [
    ...params(request.path, 'path'),
    ...params(request.query, 'query'),
    ...params(request.headers, 'header'),
  ];
  if (parameters.length > 0) op.parameters = parameters;
  if (request.body) {
    op.requestBody = {
      required: !request.body.optional,
      content: { 'application/json': { schema: { $ref: SCHEMA_REF(request.body.name) } } },
    };
  }
  const responses: Record<string, JsonObject> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const schema = response.name ? { $ref: SCHEMA_REF(response.name) } : { type: 'object' };
    responses[status] = { description: response.description, content: { 'application/json': { schema } } };
  }
  for (const status of [...errorStatusesOf(route), 500]) {
    responses[String(status)] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      ...(status === 409 || status === 429 ? { headers: RETRY_AFTER } : {}),
      content: { 'application/json': { schema: { $ref: SCHEMA_REF('ErrorResponse') } } },
    };
  }
  op.responses = responses;
  return op;
}

function params(schema: z.ZodObject | undefined, where: 'path' | 'query' | 'header'): JsonObject[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    const parameter: JsonObject = {
      name,
      in: where,
      required: where === 'path' || !!json.required?.includes(name),
    };
    if (typeof description === 'string') parameter.description = description;
    parameter.schema = rest;
    return parameter;
  });
}

/** Request bodies as clients write them (input), responses as we send them (output). */
function componentSchemas(routeList: readonly HttpRoute[]): Record<string, JsonObject> {
  const requests = z.registry<{ id: string }>();
  const responses = z.registry<{ id: string }>();
  for (const route of routeList) {
    const body = route.request?.body;
    if (body && !requests.has(body.schema)) requests.add(body.schema, { id: body.name });
    for (const response of Object.values<{ schema?: z.ZodType; name?: string }>(route.responses)) {
      if (response.schema && response.name && !responses.has(response.schema)) {
        responses.add(response.schema, { id: response.name });
      }
    }
  }
  for (const [schema, id] of [
    [errorResponseSchema, 'ErrorResponse'],
    [profileResponseSchema, 'ProfileResponse'],
    [ledgerEntryResponseSchema, 'LedgerEntry'],
  ] as const) {
    if (!responses.has(schema)) responses.add(schema, { id });
  }
  const input = z.toJSONSchema(requests, { uri: SCHEMA_REF, io: 'input' }).schemas;
  const output = z.toJSONSchema(responses, { uri: SCHEMA_REF, io: 'output' }).schemas;
  const all: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries({ ...input, ...output })) {
    // Components live inside the document: their own $schema/$id would only confuse resolvers.
    const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
    all[id] = rest;
  }
  return all;
}
