import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApiEvent } from '../../shared/local/api-gateway-event';
import type { LambdaHandler } from '../../shared/local/lambda-invoke';
import {
  type ErrorBody,
  type GatewayHarness,
  readJson,
  route,
  startGateway,
} from './support/gateway-harness';

/** The local gateway turns HTTP into payload 2.0 events and results back into HTTP. */

let seen: LocalApiEvent | undefined;
const record: LambdaHandler = async (event) => {
  seen = event as LocalApiEvent;
  return { statusCode: 202, headers: { 'X-Seen': 'yes' }, cookies: ['a=1', 'b=2'], body: '{"ok":true}' };
};

const routes = [
  route({ id: 'Record', method: 'POST', path: '/v1/things/{id}' }),
  route({ id: 'Mine', method: 'GET', path: '/v1/things/mine' }),
  route({ id: 'Plain', method: 'GET', path: '/v1/plain' }),
  route({ id: 'Boom', method: 'GET', path: '/v1/boom' }),
  route({ id: 'Slow', method: 'GET', path: '/v1/slow' }),
  route({ id: 'Files', method: 'GET', path: '/v1/files/{key+}' }),
];
const handlers: Record<string, LambdaHandler> = {
  Record: record,
  Mine: async () => ({ statusCode: 200, body: 'mine' }),
  Plain: async () => ({ hello: 'world' }),
  Boom: async () => {
    throw new Error('secret internals');
  },
  Slow: () => new Promise((resolve) => setTimeout(() => resolve({ statusCode: 200 }), 1_000)),
  Files: async (event) => ({ key: (event as LocalApiEvent).pathParameters?.key }),
};

let gw: GatewayHarness;
beforeAll(async () => {
  gw = await startGateway(routes, handlers, { timeoutMs: 200 });
});
afterAll(() => gw.close());

describe('request -> payload 2.0 event', () => {
  it('maps method, path, query, headers, cookies and body the way API Gateway does', async () => {
    await fetch(`${gw.url}/v1/things/a%20b?limit=5&tag=x&tag=y`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 't1', Cookie: 'c1=v1; c2=v2' },
      body: '{"n":1}',
    });
    expect(seen).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/things/{id}',
      rawPath: '/v1/things/a%20b',
      rawQueryString: 'limit=5&tag=x&tag=y',
      queryStringParameters: { limit: '5', tag: 'x,y' },
      pathParameters: { id: 'a b' },
      cookies: ['c1=v1', 'c2=v2'],
      body: '{"n":1}',
      isBase64Encoded: false,
      headers: { 'content-type': 'application/json', 'x-trace': 't1' },
      requestContext: {
        routeKey: 'POST /v1/things/{id}',
        stage: '$default',
        http: { method: 'POST', path: '/v1/things/a%20b', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
      },
    });
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen?.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
  });

  it('leaves out body, query and path parameters when the request has none', async () => {
    await fetch(`${gw.url}/v1/things/x`, { method: 'POST' });
    expect(seen?.body).toBeUndefined();
    expect(seen?.queryStringParameters).toBeUndefined();
    expect(seen?.pathParameters).toEqual({ id: 'x' });
  });

  it('prefers a literal segment over a parameter and captures greedy parameters', async () => {
    expect(await (await fetch(`${gw.url}/v1/things/mine`)).text()).toBe('mine');
    expect(await (await fetch(`${gw.url}/v1/files/a/b/c.png`)).json()).toEqual({ key: 'a/b/c.png' });
  });
});

describe('result -> HTTP response', () => {
  it('sends a structured result as status, headers, cookies and body', async () => {
    const response = await fetch(`${gw.url}/v1/things/1`, { method: 'POST' });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-seen')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('sends a plain object as a JSON 200', async () => {
    const response = await fetch(`${gw.url}/v1/plain`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ hello: 'world' });
  });

  it('turns a throwing handler into a generic 500 that leaks nothing', async () => {
    const response = await fetch(`${gw.url}/v1/boom`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
    expect(text).not.toContain('secret');
  });

  it('answers 504 when the handler runs past the timeout', async () => {
    const response = await fetch(`${gw.url}/v1/slow`);
    expect(response.status).toBe(504);
    expect((await readJson<ErrorBody>(response)).error.code).toBe('gateway_timeout');
  });
});

describe('paths outside the route table', () => {
  it('answers 404 in the error shape for an unknown path', async () => {
    const response = await fetch(`${gw.url}/v2/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'route_not_found', message: 'No route for /v2/nothing' },
    });
  });

  it('answers 405 with Allow for a known path and the wrong method', async () => {
    const response = await fetch(`${gw.url}/v1/plain`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect((await readJson<ErrorBody>(response)).error.code).toBe('method_not_allowed');
  });

  it('logs one line per request with method, path, status and duration', async () => {
    gw.logLines.length = 0;
    await fetch(`${gw.url}/v1/plain?x=1`);
    expect(gw.logLines).toHaveLength(1);
    expect(gw.logLines[0]).toMatch(/^GET \/v1\/plain 200 \d+ms$/);
  });
});
