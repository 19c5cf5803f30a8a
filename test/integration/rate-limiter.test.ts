import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../shared/adapters/dynamo/client';
import { DynamoRateLimiter } from '../../shared/adapters/dynamo/rate-limiter';
import { RateLimitedError } from '../../shared/domain/errors';
import { createTestStore } from '../support/dynamodb';

/** 2026-03-01T12:00:00Z, the start of a window: epoch minute 29_539_440. */
const WINDOW_START_MS = Date.UTC(2026, 2, 1, 12, 0, 0);
const WINDOW_MINUTE = WINDOW_START_MS / 60_000;
const at = (ms: number) => () => new Date(ms);

/** The error a hit failed with, or null when it passed. */
async function outcomeOf(hit: Promise<void>): Promise<unknown> {
  try {
    await hit;
    return null;
  } catch (error) {
    return error;
  }
}

async function hitTimes(limiter: DynamoRateLimiter, times: number, userId: string, limit: number) {
  for (let i = 0; i < times; i++) await limiter.hit(userId, 'shop', limit);
}

describe('DynamoRateLimiter', () => {
  it('lets exactly `limit` hits through in a window, then refuses until the window ends', async () => {
    const { client, doc, tableName } = await createTestStore();
    const limiter = new DynamoRateLimiter({ client, tableName, clock: at(WINDOW_START_MS + 15_500) });

    await hitTimes(limiter, 3, 'ada', 3);
    const refused = await outcomeOf(limiter.hit('ada', 'shop', 3));

    expect(refused).toBeInstanceOf(RateLimitedError);
    const retryAfter = (refused as RateLimitedError).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // 44.5 s remain in the window, rounded up.
    expect(retryAfter).toBe(45);
    // A refused hit is not counted: the stored count stays at the limit.
    const { Items } = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    expect(Items?.map((item) => item.hits)).toEqual([3]);
  });

  it('asks for 60 s at the very start of a window and at least 1 s at its very end', async () => {
    const { client, tableName } = await createTestStore();
    const early = new DynamoRateLimiter({ client, tableName, clock: at(WINDOW_START_MS) });
    const late = new DynamoRateLimiter({ client, tableName, clock: at(WINDOW_START_MS + 59_999) });

    await early.hit('bo', 'customization', 1);
    await late.hit('cy', 'customization', 1);

    expect(await outcomeOf(early.hit('bo', 'customization', 1))).toMatchObject({ retryAfterSeconds: 60 });
    expect(await outcomeOf(late.hit('cy', 'customization', 1))).toMatchObject({ retryAfterSeconds: 1 });
  });

  it('shares the count between two instances with separate clients', async () => {
    const { tableName, endpoint } = await createTestStore();
    const first = createDynamoClient({ endpoint, region: 'us-east-1' });
    const second = createDynamoClient({ endpoint, region: 'us-east-1' });
    try {
      const clock = at(WINDOW_START_MS + 1_000);
      const instanceA = new DynamoRateLimiter({ client: first, tableName, clock });
      const instanceB = new DynamoRateLimiter({ client: second, tableName, clock });

      await hitTimes(instanceA, 2, 'dee', 4);
      await hitTimes(instanceB, 2, 'dee', 4);

      expect(await outcomeOf(instanceA.hit('dee', 'shop', 4))).toBeInstanceOf(RateLimitedError);
      expect(await outcomeOf(instanceB.hit('dee', 'shop', 4))).toBeInstanceOf(RateLimitedError);
    } finally {
      first.destroy();
      second.destroy();
    }
  });

  it('lets exactly the limit through when 30 hits arrive at once with a limit of 20', async () => {
    const { client, tableName } = await createTestStore();
    const limiter = new DynamoRateLimiter({ client, tableName, clock: at(WINDOW_START_MS + 30_000) });

    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => outcomeOf(limiter.hit('eve', 'shop', 20))),
    );

    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(20);
    const refused = outcomes.filter((outcome) => outcome !== null);
    expect(refused).toHaveLength(10);
    for (const error of refused) expect(error).toBeInstanceOf(RateLimitedError);
  });

  it('starts over in the next window', async () => {
    const { client, tableName } = await createTestStore();
    let now = WINDOW_START_MS + 59_000;
    const limiter = new DynamoRateLimiter({ client, tableName, clock: () => new Date(now) });

    await hitTimes(limiter, 2, 'fay', 2);
    expect(await outcomeOf(limiter.hit('fay', 'shop', 2))).toBeInstanceOf(RateLimitedError);

    now = WINDOW_START_MS + 60_000;
    await hitTimes(limiter, 2, 'fay', 2);
    expect(await outcomeOf(limiter.hit('fay', 'shop', 2))).toBeInstanceOf(RateLimitedError);
  });

  it('counts each bucket and each user on its own', async () => {
    const { client, tableName } = await createTestStore();
    const limiter = new DynamoRateLimiter({ client, tableName, clock: at(WINDOW_START_MS + 5_000) });

    await limiter.hit('gus', 'shop', 1);
    expect(await outcomeOf(limiter.hit('gus', 'shop', 1))).toBeInstanceOf(RateLimitedError);

    expect(await outcomeOf(limiter.hit('gus', 'customization', 1))).toBeNull();
    expect(await outcomeOf(limiter.hit('hal', 'shop', 1))).toBeNull();
    expect(await outcomeOf(limiter.hit('hal', 'customization', 1))).toBeNull();
  });

  it('writes one counter per user, bucket and window that expires a few minutes after the window', async () => {
    const { client, doc, tableName } = await createTestStore();
    const limiter = new DynamoRateLimiter({ client, tableName, clock: at(WINDOW_START_MS + 42_000) });

    await hitTimes(limiter, 2, 'ivy', 5);
    await limiter.hit('ivy', 'customization', 5);

    const { Items = [] } = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    const windowEndSeconds = (WINDOW_START_MS + 60_000) / 1000;
    expect(Items.sort((a, b) => String(a.sk).localeCompare(String(b.sk)))).toEqual([
      { pk: 'USER#ivy', sk: `RATE#customization#${WINDOW_MINUTE}`, hits: 1, expires_at: expect.any(Number) },
      { pk: 'USER#ivy', sk: `RATE#shop#${WINDOW_MINUTE}`, hits: 2, expires_at: expect.any(Number) },
    ]);
    // Five minutes after the window's end (not after the hit): TTL removes it once nothing can read it.
    for (const item of Items) expect(item.expires_at).toBe(windowEndSeconds + 5 * 60);
  });

  it('keeps the expiry the first hit of the window set', async () => {
    const { client, doc, tableName } = await createTestStore();
    let now = WINDOW_START_MS + 1_000;
    const limiter = new DynamoRateLimiter({ client, tableName, clock: () => new Date(now) });

    await limiter.hit('jo', 'shop', 5);
    const first = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    now = WINDOW_START_MS + 50_000;
    await limiter.hit('jo', 'shop', 5);
    const second = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));

    expect(second.Items?.[0]?.hits).toBe(2);
    expect(second.Items?.[0]?.expires_at).toBe(first.Items?.[0]?.expires_at);
  });

  it('uses the current time by default', async () => {
    const { client, doc, tableName } = await createTestStore();
    const before = Math.floor(Date.now() / 60_000);
    await new DynamoRateLimiter({ client, tableName }).hit('kim', 'shop', 1);
    const after = Math.floor(Date.now() / 60_000);

    const { Items = [] } = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    expect(Items).toHaveLength(1);
    const minute = Number(String(Items[0]?.sk).split('#').at(-1));
    expect(minute).toBeGreaterThanOrEqual(before);
    expect(minute).toBeLessThanOrEqual(after);
  });

  it('rejects a limit that is not a positive integer without writing', async () => {
    const { client, doc, tableName } = await createTestStore();
    const limiter = new DynamoRateLimiter({ client, tableName, clock: at(WINDOW_START_MS) });

    await expect(limiter.hit('lu', 'shop', 0)).rejects.toBeInstanceOf(RangeError);
    await expect(limiter.hit('lu', 'shop', 2.5)).rejects.toBeInstanceOf(RangeError);

    const { Items = [] } = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    expect(Items).toEqual([]);
  });
});
