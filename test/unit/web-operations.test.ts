import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/http/openapi';
import { operations } from '../../web/src/api/operations';

/** The dashboard's API client against the OpenAPI document: same operation ids, methods and paths. */
describe('the dashboard calls only what the API documents', () => {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const documented = new Map<string, { method: string; path: string }>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      documented.set(operation.operationId, { method: method.toUpperCase(), path });
    }
  }

  it.each(Object.entries(operations))('%s is documented with the same method and path', (id, operation) => {
    expect(documented.get(id)).toEqual({ method: operation.method, path: operation.path });
  });
});
