import { beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../lib/project-root';
import { buildOpenApiDocument } from '../../shared/http/openapi';
import { routes } from '../../shared/http/routes';
import { createTestStore, useTableEnv } from '../support/dynamodb';

/**
 * A route is one record (shared/http/routes/): the table serves it, the
 * OpenAPI document describes it and its handler parses with its schemas.
 * This holds them together: every route's handler was built from that very
 * record, and the document has exactly one operation per route, under its id.
 */
describe('every route: record, handler and OpenAPI agree', () => {
  const handlers = new Map<string, { route?: unknown }>();

  beforeAll(async () => {
    const store = await createTestStore();
    useTableEnv(store);
    delete process.env.QUESTLINE_RULES_JSON;
    vi.resetModules();
    for (const route of routes) {
      const module = (await import(`${projectRoot}/${route.entry}`)) as { handler: object };
      handlers.set(route.id, module.handler);
    }
  });

  it.each(routes.map((r) => [r.id, r] as const))('%s', async (id, route) => {
    // the same module instances the handlers were loaded with (after resetModules)
    const { routes: table } = await import('../../shared/http/routes');
    const record = table.find((r) => r.id === id);
    expect(handlers.get(id)?.route, `${route.entry} is built from another route's record`).toBe(record);
  });

  it('has one OpenAPI operation per route, under its id and at its path', () => {
    const document = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(routes.map((r) => `${r.method} ${r.path} ${r.id}`).sort());
  });

  it('has unique ids, and unique method and path pairs', () => {
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
    expect(new Set(routes.map((r) => `${r.method} ${r.path}`)).size).toBe(routes.length);
  });
});
