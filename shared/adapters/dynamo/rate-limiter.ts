import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RateLimitedError } from '../../domain/errors';
import type { Cooldown, CooldownBucket, RateLimitBucket, RateLimiter } from '../../ports/shop';
import { cooldownKey, type ItemKey, userPk } from './keys';
import { updateItem } from './plain-commands';
import { isConditionFailure } from './transaction-errors';

const WINDOW_MS = 60_000;
/**
 * How long after its window a counter stays before TTL deletes it. Nothing
 * reads it after the window ends (the next window has its own key); the
 * margin only keeps an instance whose clock runs a little behind from
 * finding its window already gone and counting from zero again.
 */
const EXPIRY_MARGIN_SECONDS = 300;
const RATE = 'RATE#';

/**
 * One counter per user, bucket and one-minute window (window start as an
 * epoch minute), in the user's partition. The `RATE#` prefix matches no
 * stream consumer's filter, so counting a request publishes nothing.
 */
export const rateWindowKey = (userId: string, bucket: RateLimitBucket, windowMinute: number): ItemKey => ({
  pk: userPk(userId),
  sk: `${RATE}${bucket}#${windowMinute}`,
});

/**
 * The RateLimiter port on the single table: a fixed-window counter, one
 * conditional UpdateItem per request. DynamoDB applies the updates of one
 * item one at a time and checks the condition against the stored count, so
 * however many Lambda instances race, exactly `limit` requests per window
 * get through; a refused request writes nothing, so it does not count.
 *
 * Known boundary effect of a fixed window: a user who spends the limit at the
 * end of one window and again at the start of the next gets up to 2x the
 * limit within 60 seconds (never more than the limit per window). A sliding
 * estimate needs the previous window's count inside the condition, and a
 * condition can neither read another item nor do arithmetic, so it would
 * cost a second round trip (or a transaction over two items, whose
 * concurrent hits fail with TransactionConflict). For abuse limits of 10 and
 * 20 per minute the 2x burst is acceptable; the window stays one write.
 */
export class DynamoRateLimiter implements RateLimiter {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly clock: () => Date;

  constructor(opts: { client: DynamoDBClient; tableName: string; clock?: () => Date }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
    this.clock = opts.clock ?? (() => new Date());
  }

  async hit(userId: string, bucket: RateLimitBucket, limitPerMinute: number): Promise<void> {
    // A limit below 1 would refuse everything without ever writing: a bug in
    // the caller, not a user going too fast, so it must not look like a 429.
    if (!Number.isInteger(limitPerMinute) || limitPerMinute < 1) {
      throw new RangeError(`rate limit must be a positive integer, got ${limitPerMinute}`);
    }
    const nowMs = this.clock().getTime();
    const windowMinute = Math.floor(nowMs / WINDOW_MS);
    const windowEndMs = (windowMinute + 1) * WINDOW_MS;
    try {
      await updateItem(this.client, {
        TableName: this.tableName,
        Key: rateWindowKey(userId, bucket, windowMinute),
        // if_not_exists: the first hit of the window sets the expiry; later
        // ones leave it, so the item never outlives its window by more.
        UpdateExpression: 'ADD hits :one SET expires_at = if_not_exists(expires_at, :expires)',
        ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': limitPerMinute,
          ':expires': Math.ceil(windowEndMs / 1000) + EXPIRY_MARGIN_SECONDS,
        },
      });
    } catch (error) {
      if (isConditionFailure(error)) {
        // Whole seconds, rounded up, so a client that waits this long lands in the next window.
        throw new RateLimitedError(Math.max(1, Math.ceil((windowEndMs - nowMs) / 1000)));
      }
      throw error;
    }
  }
}

/**
 * The Cooldown port: one item per user and bucket holding when the next
 * action is allowed, moved forward by a conditional UpdateItem. Exact, unlike
 * a fixed window: no burst at a window's edge, which matters for an action
 * as costly as drawing a scene.
 */
export class DynamoCooldown implements Cooldown {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(opts: { client: DynamoDBClient; tableName: string }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async claim(userId: string, bucket: CooldownBucket, now: Date, seconds: number): Promise<void> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    try {
      await updateItem(this.client, {
        TableName: this.tableName,
        Key: cooldownKey(userId, bucket),
        UpdateExpression: 'SET next_at = :next, expires_at = :next',
        ConditionExpression: 'attribute_not_exists(pk) OR next_at <= :now',
        ExpressionAttributeValues: { ':now': nowSeconds, ':next': nowSeconds + seconds },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // The stored item comes back in the wire format: the document client does not translate errors.
      const stored = (error as { Item?: { next_at?: { N?: string } } }).Item?.next_at?.N;
      throw new RateLimitedError(Math.max(1, Number(stored ?? nowSeconds + seconds) - nowSeconds));
    }
  }
}
