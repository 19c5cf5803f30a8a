import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, EventBridgeEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { Envelope } from '../../events/envelope';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { type BusinessMetricName, businessMetrics } from '../../shared/business-metrics';
import type { HttpEvent } from '../../shared/http/types';
import { emfBusinessMetrics, metrics } from '../../shared/observability';
import { loadActiveRules } from '../../shared/rules/active-rules';
import { httpEvent, lambdaContext } from '../api/support/events';
import { recentDaytimeIso } from '../support/daytime';
import { createTestStore, useTableEnv } from '../support/dynamodb';
import { uniqueId } from '../support/game-fixtures';
import { recordsOfSomeOutcomes } from '../support/outbox-records';
import { sqsRecord } from '../support/sqs-record';

/**
 * Every business metric operators watch is emitted by the code path that
 * does the thing, as the EMF line CloudWatch reads: the real handlers (and,
 * for contention, the real use case) against DynamoDB Local, with stdout
 * captured. Namespace Questline, dimension service=questline; refusals add
 * their reason.
 */

type Handler = (event: unknown, context: Context) => Promise<unknown>;

interface EmfLine {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

const eventBridge = mockClient(EventBridgeClient);
const samplesDir = join(import.meta.dirname, '../../events/samples');
let write: MockInstance<typeof process.stdout.write>;
let fns: Awaited<ReturnType<typeof loadFunctions>>;

/** The real handlers on a fresh table, imported after the env is set (a cold start). */
async function loadFunctions() {
  const db = await createTestStore();
  useTableEnv(db, { metrics: true });
  process.env.EVENT_BUS_NAME = 'questline';
  delete process.env.QUESTLINE_RULES_JSON;
  vi.resetModules();
  const load = async (path: string) => (await import(path)).handler as Handler;
  const realtime = await import('../../shared/realtime-wiring');
  return {
    db,
    recordActivity: await load('../../functions/http/internal/record-activity'),
    adjust: await load('../../functions/http/internal/adjust-user-balance'),
    buyShopItem: await load('../../functions/http/shop/buy-shop-item'),
    redeemReward: await load('../../functions/http/rewards/redeem-reward'),
    applyActivities: await load('../../functions/queue/apply-activities'),
    notify: await load('../../functions/events/notify'),
    publishOutbox: await load('../../functions/stream/publish-outbox'),
    realtime,
  };
}

/** EMF lines written since the last call. */
function emitted(): EmfLine[] {
  const lines = write.mock.calls
    .map((call) => String(call[0]))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
  write.mockClear();
  return lines;
}

/** The lines of business metrics (not the per-request `Requests` count, which has its own dimensions). */
const business = (lines: EmfLine[]) =>
  lines.filter((line) =>
    line._aws.CloudWatchMetrics.every((d) => d.Metrics.every((m) => Object.hasOwn(businessMetrics, m.Name))),
  );

/** The sum of a metric over lines (EMF values are a number or a list of them), optionally by reason. */
function total(lines: EmfLine[], name: BusinessMetricName, reason?: string): number {
  let sum = 0;
  for (const line of lines) {
    const declared = line._aws.CloudWatchMetrics.some((d) => d.Metrics.some((m) => m.Name === name));
    if (!declared || (reason !== undefined && line.reason !== reason)) continue;
    const value = line[name] as number | number[];
    sum += Array.isArray(value) ? value.reduce((a, b) => a + b, 0) : value;
  }
  return sum;
}

const invoke = (handler: Handler, event: unknown) => handler(event, lambdaContext());

const activity = (body: Record<string, unknown>) =>
  httpEvent({
    method: 'POST',
    route: '/v1/internal/activities',
    body: { occurred_at: recentDaytimeIso(), ...body },
    auth: { kind: 'iam' },
  });

const asUser = (sub: string, input: Omit<Parameters<typeof httpEvent>[0], 'auth'>): HttpEvent =>
  httpEvent({ ...input, auth: { kind: 'jwt', sub } });

beforeAll(async () => {
  fns = await loadFunctions();
});
beforeEach(() => {
  write?.mockRestore();
  write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  eventBridge.reset();
});
afterAll(() => {
  write?.mockRestore();
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

describe('business metrics, as EMF', () => {
  it('are all declared in one namespace with the constant service dimension', async () => {
    const user = uniqueId('m-ns');
    await invoke(
      fns.recordActivity,
      activity({ event_id: uniqueId('e'), user_id: user, activity_type: 'quiz_completed' }),
    );
    const [line, ...more] = business(emitted());
    expect(more).toEqual([]);
    expect(line?._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'Questline',
      Dimensions: [['service']],
    });
    expect(line?.service).toBe('questline');
    for (const declared of line?._aws.CloudWatchMetrics[0]?.Metrics ?? []) {
      expect(Object.keys(businessMetrics)).toContain(declared.Name);
    }
  });

  it('count an applied activity, its XP, coins and unlocks in one line; a replay as a duplicate', async () => {
    const user = uniqueId('m-act');
    const body = {
      event_id: uniqueId('e'),
      user_id: user,
      activity_type: 'lesson_complete',
      subject_id: 'l-1',
    };
    const first = (await invoke(fns.recordActivity, activity(body))) as { body: string };
    const awarded = JSON.parse(first.body).awarded as { xp: number; coins: number };
    const lines = business(emitted());
    expect(lines).toHaveLength(1);
    expect(total(lines, 'ActivitiesApplied')).toBe(1);
    expect(total(lines, 'XpAwarded')).toBe(awarded.xp);
    expect(total(lines, 'CoinsAwarded')).toBe(awarded.coins);
    expect(total(lines, 'AchievementsUnlocked')).toBeGreaterThanOrEqual(1);

    await invoke(fns.recordActivity, activity(body));
    const replay = emitted();
    expect(total(replay, 'Duplicates')).toBe(1);
    expect(total(replay, 'ActivitiesApplied')).toBe(0);
  });

  it('count a refusal by its reason', async () => {
    const user = uniqueId('m-ref');
    await invoke(
      fns.recordActivity,
      activity({ event_id: uniqueId('e'), user_id: user, activity_type: 'daily_login' }),
    );
    emitted();
    const refused = (await invoke(
      fns.recordActivity,
      activity({ event_id: uniqueId('e'), user_id: user, activity_type: 'daily_login' }),
    )) as { statusCode: number };
    expect(refused.statusCode).toBe(422);
    const lines = emitted();
    expect(total(lines, 'ActivitiesRefused', 'already_done_today')).toBe(1);
    const refusal = lines.find((line) => line.reason === 'already_done_today');
    expect(refusal?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['service', 'reason']]);
  });

  it('count purchases, redemptions and the coins they spend', async () => {
    const user = uniqueId('m-shop');
    await invoke(
      fns.adjust,
      httpEvent({
        method: 'POST',
        route: '/v1/internal/users/{id}/adjustments',
        pathParameters: { id: user },
        body: { event_id: uniqueId('grant'), direction: 'grant', coins: 500, reason: 'metrics test' },
        auth: { kind: 'iam' },
      }),
    );
    expect(total(emitted(), 'CoinsAwarded')).toBe(500);

    const hat = (await invoke(
      fns.buyShopItem,
      asUser(user, {
        method: 'POST',
        route: '/v1/shop/items/{code}/unlock',
        pathParameters: { code: 'hat_beanie' },
        headers: { 'idempotency-key': 'hat-1' },
      }),
    )) as { statusCode: number };
    expect(hat.statusCode).toBe(201);
    const bought = emitted();
    expect(total(bought, 'Purchases')).toBe(1);
    expect(total(bought, 'CoinsSpent')).toBe(80);

    const stickers = (await invoke(
      fns.redeemReward,
      asUser(user, {
        method: 'POST',
        route: '/v1/rewards/{id}/redeem',
        pathParameters: { id: 'sticker_pack' },
        headers: { 'idempotency-key': 'stickers-1' },
      }),
    )) as { statusCode: number };
    expect(stickers.statusCode).toBe(201);
    const redeemed = emitted();
    expect(total(redeemed, 'Redemptions')).toBe(1);
    expect(total(redeemed, 'CoinsSpent')).toBe(150);
    expect(total(redeemed, 'Purchases')).toBe(0);
  });

  it('count retries of writes that lost a race, and the requests that ran out of budget (409)', async () => {
    const user = uniqueId('m-race');
    const racer = (retry: { budgetMs: number; baseDelayMs: number; maxDelayMs: number }) =>
      // the use case and the store from one module registry (the handlers' was reset), so
      // the store's errors are the classes the use case catches
      makeRecordActivity({
        store: fns.db.store,
        rules: loadActiveRules(),
        clock: { now: () => new Date() },
        metrics: emfBusinessMetrics,
        retry,
      });
    const race = (retry: Parameters<typeof racer>[0]) =>
      Promise.allSettled(
        Array.from({ length: 8 }, () =>
          // one use case each: no in-process queue, so they race on the profile's version
          racer(retry)({
            eventId: uniqueId('e'),
            userId: user,
            type: 'custom',
            amount: 1,
            occurredAt: recentDaytimeIso(),
          }),
        ),
      );

    const applied = await race({ budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 50 });
    expect(applied.filter((s) => s.status === 'rejected')).toEqual([]);
    metrics.publishStoredMetrics();
    expect(total(emitted(), 'ContentionRetries')).toBeGreaterThan(0);

    const settled = await race({ budgetMs: 1, baseDelayMs: 1_000, maxDelayMs: 1_000 });
    metrics.publishStoredMetrics();
    const conflicts = settled.filter((s) => s.status === 'rejected').length;
    expect(conflicts).toBeGreaterThan(0);
    expect(total(emitted(), 'ContentionConflicts')).toBe(conflicts);
  });

  it('count inbound events rejected as unusable, and those failing their last delivery (dead-lettered)', async () => {
    await invoke(fns.applyActivities, { Records: [sqsRecord('not json', 1), sqsRecord('not json', 3)] });
    const lines = emitted();
    expect(total(lines, 'InboundInvalid')).toBe(2);
    expect(total(lines, 'InboundDeadLettered')).toBe(1);
  });

  it('count pushes delivered, to closed connections, and failed', async () => {
    const removed: string[] = [];
    fns.realtime.overrideRealtimeDeps({
      connections: {
        listForUser: async () => ['open-1', 'open-2', 'closed', 'broken'],
        remove: async (id: string) => void removed.push(id),
      } as never,
      poster: {
        post: async (id: string) => {
          if (id === 'broken') throw new Error('injected: post failed');
          return id === 'closed' ? 'gone' : 'sent';
        },
        close: async () => undefined,
      },
    });
    const envelope = JSON.parse(readFileSync(join(samplesDir, 'points.awarded.json'), 'utf8')) as Envelope;
    const event: EventBridgeEvent<string, unknown> = {
      version: '0',
      id: 'eb-1',
      'detail-type': 'points.awarded',
      source: 'questline',
      account: '000000000000',
      time: envelope.metadata.occurred_at,
      region: 'us-east-1',
      resources: [],
      detail: envelope,
    };
    const result = (await invoke(fns.notify, event)) as { sent: number };
    fns.realtime.resetRealtimeDeps();
    expect(result.sent).toBe(2);
    const lines = emitted();
    expect(total(lines, 'PushesSent')).toBe(2);
    expect(total(lines, 'PushesGone')).toBe(1);
    expect(total(lines, 'PushesFailed')).toBe(1);
    expect(removed).toEqual(['closed']);
  });

  it('count events published, refused by EventBridge, and dropped for breaking their contract', async () => {
    const { records } = await recordsOfSomeOutcomes();
    eventBridge.on(PutEventsCommand).callsFake(({ Entries = [] }) => ({
      FailedEntryCount: 0,
      Entries: Entries.map((_: unknown, i: number) => ({ EventId: `id-${i}` })),
    }));
    await invoke(fns.publishOutbox, { Records: records });
    const published = total(emitted(), 'EventsPublished');
    expect(published).toBe(
      eventBridge
        .commandCalls(PutEventsCommand)
        .reduce((n, call) => n + (call.args[0].input.Entries?.length ?? 0), 0),
    );
    expect(published).toBeGreaterThan(0);

    eventBridge.reset();
    eventBridge.on(PutEventsCommand).callsFake(({ Entries = [] }) => ({
      FailedEntryCount: Entries.length,
      Entries: Entries.map(() => ({ ErrorCode: 'InternalFailure', ErrorMessage: 'injected' })),
    }));
    // outcomes not published yet: the function skips what it has just published
    const [first] = (await recordsOfSomeOutcomes()).records.filter(
      (r) => r.eventName === 'INSERT' && /^EVENT#/.test(r.dynamodb?.Keys?.sk?.S ?? ''),
    );
    if (!first) throw new Error('no event item among the stream records');
    const answer = (await invoke(fns.publishOutbox, { Records: [first] })) as {
      batchItemFailures: unknown[];
    };
    expect(answer.batchItemFailures).toHaveLength(1);
    expect(total(emitted(), 'EventsRefused')).toBeGreaterThan(0);

    await invoke(fns.publishOutbox, { Records: [withUnknownEventType(first)] });
    expect(total(emitted(), 'EventsDropped')).toBe(1);
  });
});

/** The record with its first event renamed to a type no contract knows (a bug upstream). */
function withUnknownEventType(record: DynamoDBRecord): DynamoDBRecord {
  const item = unmarshall(record.dynamodb?.NewImage as Record<string, AttributeValue>);
  // stored as JSON text (shared/adapters/dynamo/event-record.ts)
  const [firstEvent] = JSON.parse(item.events as string) as unknown[][];
  if (!firstEvent) throw new Error('the event item carries no events');
  firstEvent[0] = 'made.up';
  item.events = JSON.stringify([firstEvent]);
  return {
    ...record,
    dynamodb: { ...record.dynamodb, NewImage: marshall(item, { removeUndefinedValues: true }) as never },
  };
}
