import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoWebhookStore } from '../../../shared/adapters/dynamo/webhook-store';
import {
  AWS_ENDPOINT_POLICY,
  endpointProblem,
  LOCAL_ENDPOINT_POLICY,
} from '../../../shared/adapters/webhooks/address-guard';
import { HttpWebhookSender } from '../../../shared/adapters/webhooks/webhook-sender';
import { makeWebhookDelivery, type OutboundEvent } from '../../../shared/app/webhooks/deliver';
import { makeWebhookBatch } from '../../../shared/app/webhooks/deliver-batch';
import type { WebhookDeps } from '../../../shared/app/webhooks/deps';
import { makeWebhookAdmin } from '../../../shared/app/webhooks/manage';
import { ValidationError } from '../../../shared/domain/errors';
import type { DeliveryRef } from '../../../shared/ports/webhooks';
import { createTestStore, type TestStore } from '../../support/dynamodb';
import { uniqueId } from '../../support/game-fixtures';
import { startReceiver, type WebhookReceiver } from '../../support/webhook-receiver';

/** Webhooks against DynamoDB Local and a real receiver; the retry queue is a recording stand-in. */

let table: TestStore;
let receiver: WebhookReceiver;
let now = new Date('2026-12-04T10:00:00Z');
const scheduled: { ref: DeliveryRef; delay: number }[] = [];
const deadLetters: { ref: DeliveryRef; reason: string }[] = [];
const counted: string[] = [];
let deps: WebhookDeps;

beforeAll(async () => {
  table = await createTestStore();
  receiver = await startReceiver();
  deps = {
    store: new DynamoWebhookStore(table),
    sender: new HttpWebhookSender(LOCAL_ENDPOINT_POLICY, 300),
    clock: { now: () => now },
    checkUrl: (url) => endpointProblem(url, LOCAL_ENDPOINT_POLICY),
    newId: () => uniqueId('wh'),
    newSecret: () => uniqueId('whsec'),
    scheduler: {
      schedule: async (ref, delay) => void scheduled.push({ ref, delay }),
      deadLetter: async (ref, reason) => void deadLetters.push({ ref, reason }),
    },
    metrics: { count: (name) => void counted.push(name) },
  };
});
afterAll(() => receiver.close());

const event = (detailType: string): OutboundEvent => {
  const eventId = uniqueId('ev');
  const metadata = {
    id: eventId,
    type: detailType,
    version: 1,
    source: 'questline',
    occurred_at: now.toISOString(),
    correlation_id: 'e-1',
    user_id: 'u-1',
  };
  const body = JSON.stringify({ metadata, data: { level: 2 } });
  return { eventId, detailType, occurredAt: now.toISOString(), body };
};

function signedBy(secret: string, header: string, body: string): boolean {
  const fields = header.split(',').map((kv) => kv.split('='));
  const t = fields.find(([k]) => k === 't')?.[1];
  const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return fields.some(([k, v]) => k === 'v1' && v === mac);
}

describe('webhook deliveries', () => {
  it('refuses an endpoint the policy forbids, naming the url', async () => {
    const strict = makeWebhookAdmin({
      ...deps,
      checkUrl: (url) => endpointProblem(url, AWS_ENDPOINT_POLICY),
    });
    const refused = strict.register({ url: 'http://hooks.example.com/q', eventTypes: ['*'] });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ details: [{ field: 'url', message: 'must be https' }] });
  });

  it('posts each wanted event once, signed with the secret shown at registration', async () => {
    const admin = makeWebhookAdmin(deps);
    const { endpoint, secret } = await admin.register({ url: receiver.url, eventTypes: ['level.up'] });
    const delivery = makeWebhookDelivery(deps);
    receiver.answer = 200;
    const before = receiver.received.length;
    const levelUp = event('level.up');
    expect(await delivery.fanOut(levelUp)).toBe(1);
    // the same bus message again (SQS delivers at least once): nothing more is posted
    expect(await delivery.fanOut(levelUp)).toBe(0);
    expect(await delivery.fanOut(event('points.awarded'))).toBe(0);
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]?.body).toBe(levelUp.body);
    expect(got[0]?.headers['idempotency-key']).toBe(levelUp.eventId);
    expect(signedBy(secret, String(got[0]?.headers['questline-signature']), levelUp.body)).toBe(true);
    const [logged] = await admin.deliveries(endpoint.id, 10);
    expect(logged).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      eventId: levelUp.eventId,
    });
    expect(logged?.latencyMs).toBeGreaterThanOrEqual(0);
    await admin.remove(endpoint.id);
  });

  it('retries a 500 and a timeout on the schedule, then delivers', async () => {
    const admin = makeWebhookAdmin(deps);
    const { endpoint } = await admin.register({ url: receiver.url, eventTypes: ['*'] });
    const delivery = makeWebhookDelivery(deps);
    receiver.answer = 500;
    scheduled.length = 0;
    await delivery.fanOut(event('level.up'));
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]?.delay).toBeGreaterThanOrEqual(15);
    expect(scheduled[0]?.delay).toBeLessThanOrEqual(30);
    receiver.answer = 'hang';
    await delivery.retry(scheduled[0]?.ref as DeliveryRef);
    let [log] = await admin.deliveries(endpoint.id, 1);
    expect(log).toMatchObject({ status: 'retrying', attempts: 2, lastError: 'no answer within 0.3 s' });
    expect(scheduled[1]?.delay).toBeGreaterThanOrEqual(30);
    receiver.answer = 200;
    await delivery.retry(scheduled[1]?.ref as DeliveryRef);
    [log] = await admin.deliveries(endpoint.id, 1);
    expect(log).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 });
    expect(log).not.toHaveProperty('lastError');
    expect((await deps.store.getEndpoint(endpoint.id))?.failingSince).toBeUndefined();
    await admin.remove(endpoint.id);
  });

  it('gives up after a day: the dead-letter queue, and the endpoint disabled with its metric', async () => {
    const admin = makeWebhookAdmin(deps);
    const { endpoint } = await admin.register({ url: receiver.url, eventTypes: ['*'] });
    const delivery = makeWebhookDelivery(deps);
    receiver.answer = 503;
    scheduled.length = 0;
    await delivery.fanOut(event('level.up'));
    now = new Date(now.getTime() + 25 * 3_600_000);
    await delivery.retry(scheduled[0]?.ref as DeliveryRef);
    expect(deadLetters).toEqual([{ ref: scheduled[0]?.ref, reason: 'answered 503' }]);
    expect((await admin.deliveries(endpoint.id, 1))[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect((await deps.store.getEndpoint(endpoint.id))?.status).toBe('disabled');
    expect(counted).toContain('WebhookEndpointsDisabled');
    // a disabled endpoint is sent nothing more, until its owner fixed it and an operator enables it
    const before = receiver.received.length;
    expect(await delivery.fanOut(event('level.up'))).toBe(0);
    expect(receiver.received.length).toBe(before);
    receiver.answer = 200;
    expect(await admin.enable(endpoint.id)).toMatchObject({ status: 'active' });
    expect((await deps.store.getEndpoint(endpoint.id))?.failingSince).toBeUndefined();
    expect(await delivery.fanOut(event('level.up'))).toBe(1);
    expect(receiver.received.length).toBe(before + 1);
    await admin.remove(endpoint.id);
  });

  it('rotates the secret: both verify during the grace; redelivers one delivery on request', async () => {
    const admin = makeWebhookAdmin(deps);
    const { endpoint, secret: first } = await admin.register({ url: receiver.url, eventTypes: ['*'] });
    const rotated = await admin.rotate(endpoint.id, 2);
    expect(rotated.previousValidUntil).toBe(new Date(now.getTime() + 2 * 3_600_000).toISOString());
    receiver.answer = 200;
    const before = receiver.received.length;
    await makeWebhookDelivery(deps).fanOut(event('level.up'));
    const [log] = await admin.deliveries(endpoint.id, 1);
    const redelivered = await admin.redeliver(endpoint.id, log?.deliveryId ?? '');
    expect(redelivered).toMatchObject({ status: 'delivered', attempts: 2 });
    const posts = receiver.received.slice(before);
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      const header = String(post.headers['questline-signature']);
      expect(signedBy(first, header, post.body)).toBe(true);
      expect(signedBy(rotated.secret, header, post.body)).toBe(true);
    }
    // after the grace, only the new secret signs
    now = new Date(now.getTime() + 3 * 3_600_000);
    await admin.redeliver(endpoint.id, log?.deliveryId ?? '');
    const last = receiver.received.at(-1);
    expect(signedBy(first, String(last?.headers['questline-signature']), last?.body ?? '')).toBe(false);
    expect(signedBy(rotated.secret, String(last?.headers['questline-signature']), last?.body ?? '')).toBe(
      true,
    );
    await admin.remove(endpoint.id);
  });

  it('takes a queue batch: the endpoints read once for all its events, an unreadable message dropped', async () => {
    const admin = makeWebhookAdmin(deps);
    const { endpoint } = await admin.register({ url: receiver.url, eventTypes: ['level.up'] });
    receiver.answer = 200;
    let listed = 0;
    const store = deps.store;
    const counting = {
      ...deps,
      store: Object.assign(Object.create(store), {
        listEndpoints: () => {
          listed += 1;
          return store.listEndpoints();
        },
      }),
    };
    const batch = makeWebhookBatch({ ...counting, log: { debug() {}, info() {}, warn() {}, error() {} } });
    const bus = (e: OutboundEvent) =>
      JSON.stringify({ 'detail-type': e.detailType, detail: JSON.parse(e.body) });
    const wanted = [event('level.up'), event('level.up')];
    const before = receiver.received.length;
    const failed = await batch([
      ...wanted.map((e, i) => ({ messageId: `m${i}`, body: bus(e) })),
      { messageId: 'm2', body: bus(event('points.awarded')) },
      { messageId: 'm3', body: 'not a message' },
    ]);
    expect(failed).toEqual([]);
    expect(listed).toBe(1);
    expect(receiver.received.length - before).toBe(2);
    await admin.remove(endpoint.id);
  });
});
