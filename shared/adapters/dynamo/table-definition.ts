/**
 * The single table, described once. The CDK stateful stack and the local
 * runtime both build the table from this, so the two cannot drift.
 */

export interface GlobalIndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** attribute types; all our key attributes are strings unless listed as numbers */
  numericSortKey?: boolean;
}

/** Same partition key as the table, another (string) sort key; can only be made with the table. */
export interface LocalIndexDefinition {
  name: string;
  sortKey: string;
  /** non-key attributes copied into the index (keys are always there) */
  projectedAttributes: readonly string[];
}

/**
 * The ledger, newest first: every applied event's item carries a time-ordered
 * `ledger_sk`, and only those items do (the index is sparse). It projects just
 * what a history page shows, because on AWS each index write is billed by the
 * size of what it copies; the replay copy and the outbox events stay out.
 * A local index allows strongly consistent queries, which a global one does not.
 */
export const ledgerIndex = {
  name: 'ledger',
  sortKey: 'ledger_sk',
  projectedAttributes: [
    'kind',
    'activity_type',
    'subject_id',
    'reason',
    'base_xp',
    'base_coins',
    'multiplier',
    'xp',
    'coins',
    'balance_xp',
    'balance_coins',
    'occurred_at',
    'bonuses',
  ],
} as const satisfies LocalIndexDefinition;

/**
 * Every board's ranked users, in rank order: score items carry `lb_pk`
 * (board, period and shard) and `lb_sk` (the rank key) only while the user
 * is ranked, so the index is sparse. Projects everything: only score items
 * are in it, and they are small. See leaderboard-keys.ts.
 */
export const leaderboardIndex = {
  name: 'leaderboard',
  partitionKey: 'lb_pk',
  sortKey: 'lb_sk',
} as const satisfies GlobalIndexDefinition;

export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** epoch seconds; DynamoDB deletes expired items (outbox-only and window items) */
  timeToLiveAttribute: 'expires_at',
  /** the transactional outbox is read from the stream */
  streamView: 'NEW_IMAGE',
  globalSecondaryIndexes: [leaderboardIndex] as readonly GlobalIndexDefinition[],
  /** local indexes exist only if the table is created with them: adding one later means a new table */
  localSecondaryIndexes: [ledgerIndex] as readonly LocalIndexDefinition[],
} as const;
