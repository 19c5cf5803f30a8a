import * as z from 'zod';
import { ValidationError } from '../../domain/errors';
import { LEDGER_SK, type LedgerIndexKey, ledgerIndexKey, parseLedgerSk, userIdOf } from './keys';

const cursorSchema = z.object({ u: z.string().min(1), s: z.string().regex(LEDGER_SK) }).strict();

/**
 * Opaque to clients: where the next (older) page of a user's ledger starts.
 * The index position alone identifies the event item (its sort key embeds the
 * event id), so the cursor carries only the user and that position.
 */
export function encodeLedgerCursor(key: LedgerIndexKey): string {
  return Buffer.from(JSON.stringify({ u: userIdOf(key.pk), s: key.ledger_sk }), 'utf8').toString('base64url');
}

/** The ExclusiveStartKey a cursor stands for; a malformed cursor or another user's is a ValidationError. */
export function decodeLedgerCursor(userId: string, cursor: string): LedgerIndexKey {
  const invalid = (message: string) => new ValidationError([{ field: 'cursor', message }]);
  if (cursor.length === 0 || cursor.length > 1_024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid('not a cursor returned by this endpoint');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor returned by this endpoint');
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw invalid('not a cursor returned by this endpoint');
  if (parsed.data.u !== userId) throw invalid("belongs to another user's history");
  const { recordedAt, eventId } = parseLedgerSk(parsed.data.s);
  return ledgerIndexKey(userId, recordedAt, eventId);
}
