import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { EventAlreadyAppliedError, MarkerTakenError, StaleProfileError } from '../../ports/game';
import { OutOfStockError } from '../../ports/shop';
import { outcomeFromEventRecord } from './event-record';

/** What each item of an outcome transaction stands for, by index. */
export type TransactionRole =
  | 'event'
  | 'profile'
  | 'marker'
  | 'owned'
  | 'redemption'
  | 'user_limit'
  | 'stock';

/**
 * Turns a cancelled outcome transaction into the port's typed errors, by the
 * role of each failed item. A replay wins over everything (the event id is
 * already applied, nothing else matters), then a taken marker (once per
 * subject, an item bought, a reward redeemed), then a stale profile; each but the replay means: reload and decide again. A TransactionConflict (another transaction held one of the items)
 * is the same situation as a stale profile: reload and try again.
 * Anything else is returned unchanged.
 */
export function decodeOutcomeCancellation(error: unknown, roles: readonly TransactionRole[]): unknown {
  const reasons = cancellationReasons(error);
  if (!reasons) return error;
  const failed = (role: TransactionRole) =>
    reasons.findIndex((reason, i) => roles[i] === role && reason.Code === 'ConditionalCheckFailed');

  const event = failed('event');
  if (event >= 0) {
    const old = reasons[event]?.Item;
    // The returned item is in the wire format: the document client does not translate errors.
    return new EventAlreadyAppliedError(old ? outcomeFromEventRecord(unmarshall(old)) : null);
  }
  // Sold out is a fact no reload changes: the caller answers out_of_stock.
  if (failed('stock') >= 0) return new OutOfStockError('the reward is out of stock', { cause: error });
  if (failed('marker') >= 0) return new MarkerTakenError('once-per-subject marker taken', { cause: error });
  // Bought or redeemed by a concurrent request of the same user: reload, and the rules decide again.
  for (const role of ['owned', 'redemption', 'user_limit'] as const) {
    if (failed(role) >= 0) return new MarkerTakenError(`${role} condition failed`, { cause: error });
  }
  if (failed('profile') >= 0)
    return new StaleProfileError('profile changed since it was read', { cause: error });
  if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
    return new StaleProfileError('concurrent transaction on the same user', { cause: error });
  }
  return error;
}

/**
 * Whether a profile write (a Put, or a transaction whose FIRST item is the
 * profile) lost to another writer: its version condition failed, or another
 * transaction held the item. Either way: reload and decide again.
 */
export function isVersionConflict(error: unknown): boolean {
  if (isConditionFailure(error)) return true;
  const reasons = cancellationReasons(error);
  if (!reasons) return false;
  return (
    reasons[0]?.Code === 'ConditionalCheckFailed' || reasons.some((r) => r.Code === 'TransactionConflict')
  );
}

/** A single write's condition failed (not a transaction's: see cancellationReasons). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** The per-item reasons of a cancelled transaction, by item index; null for any other error. */
export function cancellationReasons(error: unknown): CancellationReason[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  return (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}
