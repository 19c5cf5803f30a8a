import { beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../lib/project-root';
import { buildOpenApiDocument } from '../../shared/http/openapi';
import { routeSpecs } from '../../shared/http/route-specs';
import { routes } from '../../shared/http/routes';
import { createTestStore, useTableEnv } from '../support/dynamodb';

/**
 * A route lives in three places: the route table (method, path, auth), its
 * spec (schemas, answers: the OpenAPI document) and its handler module. This
 * holds them together: every route's handler was built for that route's id,
 * takes a JSON body exactly when its spec has one, and the OpenAPI document
 * has exactly one operation per route, under its id.
 */
describe('every route: table, spec, handler and OpenAPI agree', () => {
  const handlers = new Map<string, { routeId?: unknown; takesBody?: unknown }>();

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

  it.each(routes.map((r) => [r.id, r] as const))('%s', (id, route) => {
    const handler = handlers.get(id);
    expect(handler?.routeId, `${route.entry} is built for another route`).toBe(id);
    expect(handler?.takesBody, `${route.entry} and its spec disagree on a body`).toBe(
      routeSpecs[id]?.body !== undefined,
    );
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
});
