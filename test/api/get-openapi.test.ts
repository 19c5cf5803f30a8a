import { describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/http/docs/get-openapi';
import { routes } from '../../shared/http/routes';
import { httpEvent, invoke } from './support/events';

vi.hoisted(() => {
  // The docs function gets no table: prove it needs none.
  delete process.env.TABLE_NAME;
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

describe('GET /v1/openapi.json', () => {
  it('serves the OpenAPI document publicly, without table config', async () => {
    const response = await invoke(
      handler,
      httpEvent({ method: 'GET', route: '/v1/openapi.json', auth: { kind: 'none' } }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths).sort()).toEqual([...new Set(routes.map((r) => r.path))].sort());
  });
});
