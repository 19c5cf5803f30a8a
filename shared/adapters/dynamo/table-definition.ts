/**
 * The single table, described once. The CDK stateful stack and the local
 * runtime both build the table from this, so the two cannot drift.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** epoch seconds; DynamoDB deletes expired items (outbox-only and window items) */
  timeToLiveAttribute: 'expires_at',
  /** the transactional outbox is read from the stream */
  streamView: 'NEW_IMAGE',
  /** later capabilities (leaderboards) add sparse GSIs here */
  globalSecondaryIndexes: [] as readonly GlobalIndexDefinition[],
} as const;

export interface GlobalIndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** attribute types; all our key attributes are strings unless listed as numbers */
  numericSortKey?: boolean;
}
