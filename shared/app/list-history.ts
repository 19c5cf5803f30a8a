import { ValidationError } from '../domain/errors';
import type { LedgerPage } from '../ports/game';
import type { AppDeps } from './deps';

/** Pages bigger than this would make one request's latency and read cost unbounded. */
export const MAX_HISTORY_PAGE = 100;

/** A user's ledger, newest first; `cursor` comes from the previous page's nextCursor. */
export function makeListHistory(
  deps: Pick<AppDeps, 'store'>,
): (userId: string, page: { limit: number; cursor?: string }) => Promise<LedgerPage> {
  return async (userId, page) => {
    if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_HISTORY_PAGE) {
      throw new ValidationError([
        { field: 'limit', message: `must be a whole number from 1 to ${MAX_HISTORY_PAGE}` },
      ]);
    }
    return deps.store.listLedger(userId, page);
  };
}
