/**
 * Named condition fragments: every write the store makes is conditional, and
 * these are the only conditions it uses.
 */

export interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** Create only: the item must not exist yet. */
export const isNew = (): Condition => ({ ConditionExpression: 'attribute_not_exists(pk)' });

/**
 * Optimistic concurrency on an aggregate: the item is still at the version it
 * was read at. Version 0 means it was never stored, so it must not exist.
 */
export const isAtVersion = (readVersion: number): Condition =>
  readVersion === 0
    ? isNew()
    : {
        ConditionExpression: '#version = :read',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':read': readVersion },
      };
