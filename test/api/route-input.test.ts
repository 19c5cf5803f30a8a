import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { defineRoute, type HttpRoute } from '../../shared/http/define-route';
import { httpHandler } from '../../shared/http/http-handler';
import { json } from '../../shared/http/responses';
import { type Auth, httpEvent, invoke } from './support/events';

vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

const request = {
  path: z.object({ code: z.string().regex(/^[a-z]+$/) }),
  query: z.object({ limit: z.coerce.number().int().max(10).default(5) }),
  headers: z.object({ 'idempotency-key': z.string().max(8).optional() }),
  body: { name: 'Thing', schema: z.object({ size: z.number() }), optional: true },
};

const base = {
  method: 'POST',
  path: '/v1/things/{code}',
  entry: 'test',
  table: 'none',
  summary: 't',
} as const;
const jwtRoute = defineRoute({ ...base, id: 'Things', auth: 'jwt', request, responses: {}, errors: [] });

/** Echoes everything the wrapper handed to main. */
const echo = httpHandler(jwtRoute, async ({ userId, path, query, headers, body }) =>
  json(200, { userId, path, query, headers, body }),
);

const call = (input: { auth?: Auth; code?: string; query?: Record<string, string>; body?: unknown }) =>
  invoke(
    echo,
    httpEvent({
      method: 'POST',
      route: '/v1/things/{code}',
      pathParameters: { code: input.code ?? 'hat' },
      query: input.query ?? {},
      headers: { 'idempotency-key': 'k-1', 'x-other': 'dropped' },
      body: input.body,
      auth: input.auth ?? { kind: 'jwt', sub: 'u-1' },
    }),
  );

describe("a route handler's input", () => {
  it("is the request parsed with the route's own schemas, and the token's subject", async () => {
    const response = await call({ query: { limit: '7' }, body: { size: 3 } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({
      userId: 'u-1',
      path: { code: 'hat' },
      query: { limit: 7 },
      headers: { 'idempotency-key': 'k-1' },
      body: { size: 3 },
    });
  });

  it('reads an optional body that is absent as {}, so its defaults apply', async () => {
    const optional = defineRoute({
      ...jwtRoute,
      request: { body: { name: 'T', schema: z.object({ n: z.number().default(1) }), optional: true } },
    });
    const handler = httpHandler(optional, async ({ body }) => json(200, body));
    const event = httpEvent({
      method: 'POST',
      route: '/v1/things/{code}',
      auth: { kind: 'jwt', sub: 'u-1' },
    });
    expect((await invoke(handler, event)).body).toEqual({ n: 1 });
  });

  it.each([
    ['path', { code: 'HAT' }, 'code'],
    ['query', { query: { limit: '11' } }, 'limit'],
    ['body', { body: { size: 'big' } }, 'size'],
  ])('answers 400 naming the bad %s field, and main never runs', async (_, input, field) => {
    const response = await call(input);
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ field })]);
  });

  it('checks the caller before the input: no token is 401 even with a bad body', async () => {
    const response = await call({ auth: { kind: 'none' }, body: { size: 'big' } });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a jwt route to a SigV4 caller, and an iam route to a token holder', async () => {
    expect((await call({ auth: { kind: 'iam' } })).statusCode).toBe(401);
    const iamRoute: HttpRoute = { ...jwtRoute, auth: 'iam' };
    const internal = httpHandler(iamRoute, async () => json(200, {}));
    const event = httpEvent({ method: 'GET', route: '/v1/x', auth: { kind: 'jwt', sub: 'u-1' } });
    expect((await invoke(internal, event)).statusCode).toBe(401);
  });
});
