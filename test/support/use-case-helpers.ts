import { ContentionError } from '../../shared/domain/errors';
import type { LedgerEntry } from '../../shared/domain/types';
import type { GameStore } from '../../shared/ports/game';

/** What a real caller does on 409 contention: wait a little, send the same event again. */
export async function untilNotContended<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ContentionError) || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 200));
    }
  }
}

/** A user's whole ledger, newest first, read page by page. */
export async function wholeLedger(store: GameStore, userId: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listLedger(
      userId,
      cursor === undefined ? { limit: 100 } : { limit: 100, cursor },
    );
    entries.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return entries;
}
