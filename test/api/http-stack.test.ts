import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { RuleRefusedError } from '../../shared/domain/errors';
import { defineRoute } from '../../shared/http/define-route';
import { httpHandler, MAX_BODY_BYTES } from '../../shared/http/http-handler';
import { json } from '../../shared/http/responses';
import { logger } from '../../shared/observability';
import { httpEvent, invoke } from './support/events';

vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

const testRoute = (id: string, request = {}) =>
  defineRoute({
    id,
    method: 'POST',
    path: '/v1/echo',
    entry: 'test/api/http-stack.test.ts',
    // the middleware is under test here; who may call is route-input.test.ts's
    auth: 'public',
    table: 'none',
    summary: id,
    request,
    responses: {},
    errors: [],
  });

/** A handler that echoes the body the stack handed to main. */
const echo = httpHandler(
  testRoute('Echo', { body: { name: 'Echo', schema: z.unknown() } }),
  async ({ body }) => json(200, { received: body ?? null }),
);

const post = (body: unknown, headers: Record<string, string> = {}) =>
  httpEvent({ method: 'POST', route: '/v1/echo', body, headers, auth: { kind: 'iam' } });

describe('the JSON body middleware', () => {
  it('hands main the parsed body', async () => {
    const response = await invoke(echo, post({ a: 1, b: ['x'] }));
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ received: { a: 1, b: ['x'] } });
  });

  it('accepts a JSON content type with parameters, in any case', async () => {
    const response = await invoke(
      echo,
      post({ a: 1 }, { 'Content-Type': 'Application/JSON; charset=UTF-8' }),
    );
    expect(response.body).toEqual({ received: { a: 1 } });
  });

  it('decodes a base64-encoded body', async () => {
    const event = post('ignored');
    event.body = Buffer.from('{"a":2}').toString('base64');
    event.isBase64Encoded = true;
    expect((await invoke(echo, event)).body).toEqual({ received: { a: 2 } });
  });

  it('leaves an absent body undefined for the schema to name', async () => {
    const event = httpEvent({ method: 'POST', route: '/v1/echo', auth: { kind: 'iam' } });
    expect((await invoke(echo, event)).body).toEqual({ received: null });
  });

  it('answers 400 invalid_json for an unparseable body', async () => {
    const response = await invoke(echo, post('{"a": 1,'));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.code).toBe('invalid_json');
  });

  it('answers 415 for a body that is not declared as JSON', async () => {
    const response = await invoke(echo, post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(response.statusCode).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
  });

  it('answers 415 for a body with no content type at all', async () => {
    const event = post({ a: 1 });
    delete event.headers['content-type'];
    expect((await invoke(echo, event)).statusCode).toBe(415);
  });

  it('answers 413 for a body over the bound, before parsing it', async () => {
    const response = await invoke(echo, post({ blob: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(response.statusCode).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });
});

describe('the error middleware', () => {
  it('maps a typed error thrown by main to its status', async () => {
    const refused = httpHandler(testRoute('Refuse'), async () => {
      throw new RuleRefusedError('cap_reached', 'Hourly cap reached');
    });
    const response = await invoke(refused, post({}));
    expect(response.statusCode).toBe(422);
    expect(response.body).toEqual({ error: { code: 'cap_reached', message: 'Hourly cap reached' } });
  });

  it('answers an unknown error with a generic 500 and logs the real one', async () => {
    const logged = vi.spyOn(logger, 'error');
    const secret = new Error('connect ECONNREFUSED 10.0.0.7:8000 table=prod-secret');
    const broken = httpHandler(testRoute('Broken'), async () => {
      throw secret;
    });
    const response = await invoke(broken, post({}));
    expect(response.statusCode).toBe(500);
    expect(response.body.error.code).toBe('internal_error');
    expect(JSON.stringify(response.body)).not.toContain('ECONNREFUSED');
    expect(logged).toHaveBeenCalledWith(expect.any(String), secret);
  });
});

describe('the outcome metric', () => {
  function emittedMetrics(write: { mock: { calls: unknown[][] } }) {
    return write.mock.calls
      .map((call) => String(call[0]))
      .filter((line) => line.includes('"_aws"'))
      .map((line) => JSON.parse(line));
  }

  it('counts one request per outcome, by route, in the Questline namespace', async () => {
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await invoke(echo, post({ a: 1 }));
    await invoke(echo, post('not json'));
    const metrics = emittedMetrics(write);
    expect(metrics.map((m) => [m.route, m.outcome, m.Requests])).toEqual([
      ['Echo', 'ok', 1],
      ['Echo', 'invalid_json', 1],
    ]);
    expect(metrics[0]._aws.CloudWatchMetrics[0].Namespace).toBe('Questline');
  });
});
