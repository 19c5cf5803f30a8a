import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentDaytimeIso } from '../support/daytime';
import { eventually } from '../support/eventually';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { cleanup, type RunningLocal, startLocal } from './support/local-process';

/** Webhooks through `npm start`: registered over HTTP, delivered from the local bus to a real receiver. */

let local: RunningLocal;
let receiver: WebhookReceiver;

beforeAll(async () => {
  [local, receiver] = await Promise.all([startLocal(['--in-memory']), startReceiver()]);
}, 60_000);
afterAll(async () => {
  await receiver.close();
  await cleanup();
});

async function internal(method: string, path: string, body?: unknown) {
  const response = await fetch(`${local.info.api_url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${local.info.internal_key}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { error?: { details?: unknown[] } },
  };
}

/** The README's receiver check, written out independently. */
function verified(header: string, body: string, secret: string): boolean {
  const fields = Object.fromEntries(
    header
      .split(',')
      .map((kv) => kv.split('='))
      .filter(([k]) => k === 't'),
  );
  const signed = header
    .split(',')
    .filter((kv) => kv.startsWith('v1='))
    .map((kv) => kv.slice(3));
  const expected = createHmac('sha256', secret).update(`${fields.t}.${body}`).digest('hex');
  return signed.includes(expected);
}

describe('webhooks, locally', { timeout: 60_000 }, () => {
  let id = '';
  let secret = '';

  it('registers an endpoint, showing its secret once', async () => {
    const created = await internal('POST', '/v1/internal/webhooks', {
      url: receiver.url,
      event_types: ['points.awarded'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: receiver.url,
      event_types: ['points.awarded'],
      status: 'active',
    });
    id = String(created.body.id);
    secret = String(created.body.secret);
    expect(secret).toMatch(/^whsec_/);
    const listed = await internal('GET', '/v1/internal/webhooks');
    expect(listed.body.webhooks).toEqual([expect.objectContaining({ id })]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
  });

  it('posts the event an activity caused, signed, with its id as the idempotency key', async () => {
    const recorded = await internal('POST', '/v1/internal/activities', {
      event_id: 'wh-e2e-1',
      user_id: 'wh-ada',
      activity_type: 'quiz_completed',
      occurred_at: recentDaytimeIso(),
    });
    expect(recorded.status).toBe(201);
    const isPointsAwarded = (r: { body: string }) => r.body.includes('"points.awarded"');
    const posts = await eventually(
      async () => receiver.received.filter(isPointsAwarded),
      (found) => found.length > 0,
      15_000,
    );
    const [post] = posts;
    if (!post) throw new Error('no webhook');
    const envelope = JSON.parse(post.body) as { metadata: { id: string; correlation_id: string } };
    expect(envelope.metadata.correlation_id).toBe('wh-e2e-1');
    expect(post.headers['idempotency-key']).toBe(envelope.metadata.id);
    expect(verified(String(post.headers['questline-signature']), post.body, secret)).toBe(true);
    expect(receiver.received.filter((r) => r.body.includes('"level.up"'))).toEqual([]);
  });

  it('logs the delivery and redelivers it on request', async () => {
    type Delivery = { delivery_id: string; status: string; attempts: number };
    // The receiver has the post; the log records its answer a moment after it was sent (pending until then).
    const log = await eventually(
      () => internal('GET', `/v1/internal/webhooks/${id}/deliveries`),
      (answer) => (answer.body.deliveries as Delivery[] | undefined)?.[0]?.status !== 'pending',
      5_000,
    );
    expect(log.status).toBe(200);
    const [delivery] = log.body.deliveries as Delivery[];
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      last_status: 200,
      event_type: 'points.awarded',
    });
    const again = await internal(
      'POST',
      `/v1/internal/webhooks/${id}/deliveries/${delivery?.delivery_id}/redeliver`,
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('answers 400 naming the field for an unknown event type, 401 without credentials', async () => {
    const bad = await internal('POST', '/v1/internal/webhooks', {
      url: receiver.url,
      event_types: ['level.upp'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details).toEqual([expect.objectContaining({ field: 'event_types[0]' })]);
    const anonymous = await fetch(`${local.info.api_url}/v1/internal/webhooks`);
    expect(anonymous.status).toBe(401);
  });

  it('deletes the endpoint: nothing more is sent, and its log answers 404', async () => {
    expect((await internal('DELETE', `/v1/internal/webhooks/${id}`)).body).toEqual({ id, deleted: true });
    expect((await internal('GET', `/v1/internal/webhooks/${id}/deliveries`)).status).toBe(404);
  });
});
