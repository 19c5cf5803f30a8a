import { ledgerIndex } from './table-definition';

/**
 * THE module that builds every key of the single table (and of its ledger
 * index); the leaderboard's and the connections' keys have modules of their
 * own beside it (leaderboard-keys.ts, connection-keys.ts), as does the
 * ledger's page cursor (ledger-cursor.ts). One partition per user holds the
 * profile, the applied-event items (which are the ledger) and the
 * once-per-subject markers, so one user's business fact is one transaction
 * inside one partition.
 */

export interface ItemKey {
  pk: string;
  sk: string;
}

const USER = 'USER#';
/** Every user's items, and only theirs, live under this partition key prefix. */
export const USER_PK_PREFIX = USER;
const PROFILE = 'PROFILE';
const LEDGER = 'TX#';
const EVENT = 'EVENT#';
const ONCE = 'ONCE#';
const OUTBOX = 'OUTBOX#';
const ITEM = 'ITEM#';
const REDEMPTION = 'REDEEM#';
const REDEEMED = 'REDEEMED#';
const MONSTER = 'MONSTER';
const SCENE_JOB = 'SCENEJOB#';
const SCENE = 'SCENE#';

export const userPk = (userId: string): string => `${USER}${userId}`;

export const profileKey = (userId: string): ItemKey => ({ pk: userPk(userId), sk: PROFILE });

/**
 * One item per applied event: its ledger entry, the answer to its replays and
 * its outbox events. The id is the key, so "applied once" is a create-only put.
 */
export const eventKey = (userId: string, eventId: string): ItemKey => ({
  pk: userPk(userId),
  sk: `${EVENT}${eventId}`,
});

/** Time-ordered and unique: the ISO instant sorts lexically; the event id breaks ties. */
export const ledgerSortKey = (recordedAt: string, eventId: string): string =>
  `${LEDGER}${recordedAt}#${eventId}`;

/** An event item's full key in the ledger index: the table key plus the index sort key. */
export interface LedgerIndexKey extends ItemKey {
  ledger_sk: string;
}

export const ledgerIndexKey = (userId: string, recordedAt: string, eventId: string): LedgerIndexKey => ({
  ...eventKey(userId, eventId),
  [ledgerIndex.sortKey]: ledgerSortKey(recordedAt, eventId),
});

export const onceMarkerKey = (userId: string, activityType: string, subjectId: string): ItemKey => ({
  pk: userPk(userId),
  sk: `${ONCE}${activityType}#${subjectId}`,
});

/**
 * The outbox of a profile change that is no ledger entry (an explicit streak
 * freeze): its events, published from the stream like an event item's. It
 * carries no ledger_sk, so history does not list it, and it expires.
 */
export const outboxKey = (userId: string, eventId: string): ItemKey => ({
  pk: userPk(userId),
  sk: `${OUTBOX}${eventId}`,
});

/** A shop item the user owns: created with the purchase's transaction, create-only. */
export const ownedItemKey = (userId: string, code: string): ItemKey => ({
  pk: userPk(userId),
  sk: `${ITEM}${code}`,
});
export const ownedItemPrefix = ITEM;
export const ownedItemCodeOf = (sk: string): string => sk.slice(ITEM.length);

/** One reward redemption, time-ordered so a user's list reads newest first. */
export const redemptionKey = (userId: string, recordedAt: string, eventId: string): ItemKey => ({
  pk: userPk(userId),
  sk: `${REDEMPTION}${recordedAt}#${eventId}`,
});
export const redemptionPrefix = REDEMPTION;
/** A redemption's sort key: the instant, then the event id (an Idempotency-Key or a request id, at most 128 characters). */
export const REDEMPTION_SK = /^REDEEM#\d{4}-\d{2}-\d{2}T[\d:.]+Z#[^#]{1,128}$/;
export const redeemedCountPrefix = REDEEMED;

/** How many times the user redeemed a reward: the per-user limit's condition reads it. */
export const redeemedCountKey = (userId: string, rewardId: string): ItemKey => ({
  pk: userPk(userId),
  sk: `${REDEEMED}${rewardId}`,
});

/**
 * A limited reward's stock counter: how many were redeemed by everyone. Its
 * own partition per reward; the stock itself stays in the rules, so an
 * operator can raise it without touching the table.
 */
export const rewardStockKey = (rewardId: string): ItemKey => ({ pk: `REWARD#${rewardId}`, sk: 'STOCK' });

/** The user's monster avatar: one item, versioned. */
export const monsterKey = (userId: string): ItemKey => ({ pk: userPk(userId), sk: MONSTER });

/** One per scene job, in its user's partition: another user's job id finds nothing. Expires. */
export const sceneJobKey = (userId: string, jobId: string): ItemKey => ({
  pk: userPk(userId),
  sk: `${SCENE_JOB}${jobId}`,
});

/** The user's current scene at one level (0..6): the gallery is a Query on the prefix. */
export const sceneKey = (userId: string, sceneLevel: number): ItemKey => ({
  pk: userPk(userId),
  sk: `${SCENE}${sceneLevel}`,
});
export const scenePrefix = SCENE;

/** Paid scene generations of one user on one UTC day, and of everyone. */
export const userGenerationsKey = (userId: string, day: string): ItemKey => ({
  pk: userPk(userId),
  sk: `SCENEGEN#${day}`,
});
export const globalGenerationsKey = (day: string): ItemKey => ({ pk: 'STATS#SCENES', sk: `SCENEGEN#${day}` });

/** When the user may next take a cooled-down action (a scene request). */
export const cooldownKey = (userId: string, bucket: string): ItemKey => ({
  pk: userPk(userId),
  sk: `COOLDOWN#${bucket}`,
});

/**
 * The unlock statistics of GET /v1/achievements: one small partition outside
 * every user's, written only by the stream consumer (see unlock-stats-store.ts).
 */
export const STATS_PK = 'STATS#ACHIEVEMENTS';
export const USERS_STAT_SK = 'USERS';
const UNLOCKED_STAT = 'UNLOCKED#';

/** The counter of users who unlocked an achievement (or tier): the domain's stat key. */
export const unlockedStatKey = (statKey: string): ItemKey => ({
  pk: STATS_PK,
  sk: `${UNLOCKED_STAT}${statKey}`,
});

/** The stat key an UNLOCKED# counter counts, or null for another item of the partition. */
export const statKeyOf = (sk: string): string | null =>
  sk.startsWith(UNLOCKED_STAT) ? sk.slice(UNLOCKED_STAT.length) : null;

/** The event item attribute counting its outcome's achievement unlocks (present only when there are some). */
export const UNLOCKS_ATTRIBUTE = 'unlocks';

/** Prefix of the ledger index's sort key, for `begins_with` queries. */
export const ledgerPrefix = LEDGER;

export const isEventKey = (key: ItemKey): boolean => key.sk.startsWith(EVENT);
export const isOutboxKey = (key: ItemKey): boolean => key.sk.startsWith(OUTBOX);
export const isProfileSk = (sk: string | undefined): boolean => sk === PROFILE;

/**
 * The sort keys stream consumers filter on (shared/streams/table-stream-consumers.ts,
 * read by CDK's filter criteria and the local runtime alike).
 */
export const streamSortKeys = { profile: PROFILE, eventPrefix: EVENT, outboxPrefix: OUTBOX } as const;

/** An event item's ledger instant (its `ledger_sk`), or '' when it has none. */
export const ledgerInstantOf = (ledgerSk: unknown): string =>
  typeof ledgerSk === 'string' && ledgerSk.startsWith(LEDGER) ? ledgerSk.slice(LEDGER.length) : '';

/** A ledger sort key: `TX#<instant>#<event id>`. */
export const LEDGER_SK = /^TX#(\d{4}-\d{2}-\d{2}T[\d:.]+Z)#(.+)$/;

/** Splits a ledger sort key back into the instant and the event id it was built from. */
export function parseLedgerSk(sk: string): { recordedAt: string; eventId: string } {
  const match = LEDGER_SK.exec(sk);
  if (!match?.[1] || !match[2]) throw new Error(`not a ledger sort key: ${sk}`);
  return { recordedAt: match[1], eventId: match[2] };
}

/** Parses `EVENT#<eventId>` back into the event id. */
export function eventIdOf(sk: string): string {
  if (!sk.startsWith(EVENT) || sk.length === EVENT.length) throw new Error(`not an event sort key: ${sk}`);
  return sk.slice(EVENT.length);
}

/** Parses `USER#<id>` back into the user id. */
export function userIdOf(pk: string): string {
  if (!pk.startsWith(USER) || pk.length === USER.length) throw new Error(`not a user partition key: ${pk}`);
  return pk.slice(USER.length);
}
