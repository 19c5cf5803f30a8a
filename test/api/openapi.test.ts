import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildOpenApiDocument } from '../../shared/http/openapi';
import {
  adjustmentBodySchema,
  recordActivityBodySchema,
  updateUserBodySchema,
} from '../../shared/http/request-schemas';
import { routes } from '../../shared/http/routes';

// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON walked by the tests
const doc = buildOpenApiDocument() as any;
const schemas: Record<string, unknown> = doc.components.schemas;

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refsIn(child, found);
    }
  }
  return found;
}

/** Inlines every local component reference, so a JSON Schema tool sees one self-contained schema. */
function inline(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inline);
  if (!value || typeof value !== 'object') return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') return inline(schemas[ref.replace('#/components/schemas/', '')]);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v)]));
}

const fromDocument = (name: string) =>
  z.fromJSONSchema(inline(schemas[name]) as z.core.JSONSchema.JSONSchema);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with a title and version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
  });

  it.each(routes.map((r) => [r.id, r] as const))('describes %s with its method and path', (id, route) => {
    const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
    expect(operation?.operationId).toBe(id);
    expect(operation.summary).toBe(route.summary);
  });

  it('protects jwt routes with the bearer scheme and iam routes with SigV4; public routes with nothing', () => {
    for (const route of routes) {
      const security = doc.paths[route.path][route.method.toLowerCase()].security;
      const expected = { jwt: [{ bearerJwt: [] }], iam: [{ awsSigV4: [] }], public: [] }[route.auth];
      expect(security, route.id).toEqual(expected);
    }
    expect(doc.components.securitySchemes.bearerJwt).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.awsSigV4).toMatchObject({
      type: 'apiKey',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    });
  });

  it('resolves every schema reference to a component', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
    }
  });

  it('documents the error body on every error status of every route, 500 included', () => {
    for (const route of routes) {
      const responses = doc.paths[route.path][route.method.toLowerCase()].responses;
      expect(responses['500'], route.id).toBeDefined();
      for (const [status, response] of Object.entries<{ content: Record<string, { schema: unknown }> }>(
        responses,
      )) {
        if (Number(status) < 400) continue;
        expect(response.content['application/json']?.schema).toEqual({
          $ref: '#/components/schemas/ErrorResponse',
        });
      }
      if (route.auth !== 'public') expect(responses['401'], route.id).toBeDefined();
    }
  });

  it('documents the path parameter of /users/{id} routes and the paging parameters of history', () => {
    const getUser = doc.paths['/v1/internal/users/{id}'].get;
    expect(getUser.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    const history = doc.paths['/v1/me/history'].get.parameters;
    expect(history.map((p: { name: string }) => p.name)).toEqual(['limit', 'cursor']);
    expect(history[0].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
  });
});

describe('the request schemas in the document agree with the handlers', () => {
  const samples = [
    {
      name: 'RecordActivityRequest',
      schema: recordActivityBodySchema,
      good: {
        event_id: 'e-1',
        user_id: 'u-1',
        activity_type: 'lesson_complete',
        occurred_at: '2026-01-31T09:30:00Z',
      },
      bad: [
        { event_id: 'e-1', user_id: 'u-1', activity_type: 'lesson_complete' },
        {
          event_id: 'e-1',
          user_id: 'u-1',
          activity_type: 'x',
          occurred_at: '2026-01-31T09:30:00Z',
          amount: -5,
        },
        {
          event_id: 'e 1',
          user_id: 'u-1',
          activity_type: 'lesson_complete',
          occurred_at: '2026-01-31T09:30:00Z',
        },
        { event_id: 'e-1', user_id: 'u-1', activity_type: 'quiz', occurred_at: 'yesterday', userId: 'u-1' },
      ],
    },
    {
      name: 'AdjustmentRequest',
      schema: adjustmentBodySchema,
      good: { event_id: 'a-1', direction: 'deduct', coins: 10, reason: 'refund' },
      bad: [
        { event_id: 'a-1', direction: 'steal', coins: 10, reason: 'refund' },
        { event_id: 'a-1', direction: 'grant', coins: -10, reason: 'refund' },
        { event_id: 'a-1', direction: 'grant', coins: 10, reason: 'r'.repeat(201) },
        { event_id: 'a-1', direction: 'grant', coins: '10', reason: 'refund' },
      ],
    },
    {
      name: 'UpdateUserRequest',
      schema: updateUserBodySchema,
      good: { vip_tier: 'premium' },
      bad: [{}, { vip_tier: 'gold' }, { time_zone: 'Europe/Madrid', nickname: 'x' }],
    },
  ];

  it.each(samples)('$name accepts the good sample in both', ({ name, schema, good }) => {
    expect(schema.safeParse(good).success).toBe(true);
    expect(fromDocument(name).safeParse(good).success).toBe(true);
  });

  it.each(samples)('$name rejects the bad samples in both', ({ name, schema, bad }) => {
    const documented = fromDocument(name);
    for (const sample of bad) {
      expect(schema.safeParse(sample).success, JSON.stringify(sample)).toBe(false);
      expect(documented.safeParse(sample).success, JSON.stringify(sample)).toBe(false);
    }
  });
});
