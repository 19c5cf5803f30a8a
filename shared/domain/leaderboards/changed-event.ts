import type * as z from 'zod';
import type { Envelope, EVENT_SOURCE } from '../../../events/envelope';
import type * as leaderboardChangedV1 from '../../../events/leaderboard-changed.v1';
import type { TopChange } from '../../leaderboard-ports';

/**
 * The `leaderboard.changed` envelope of a top-10 change (type imports only:
 * the domain stays free of zod at runtime; the unit tests parse it with the
 * contract). Its ids are derived from the change itself, never random, so a
 * retried stream batch that finds the same changes publishes the same ids
 * and consumers drop the repeat:
 *
 *   id              lb#<board>#<period>#<user>#<rank>#<score>
 *   correlation_id  lb#<board>#<period>#<user>#<score>   (the score reached that moved the user)
 *
 * The envelope bounds them (256 and 128 characters); a user id long enough to
 * pass a bound is replaced by a hash of it, so the ids stay deterministic.
 */

const DETAIL_TYPE: typeof leaderboardChangedV1.detailType = 'leaderboard.changed';
const VERSION: typeof leaderboardChangedV1.version = 1;
const SOURCE: typeof EVENT_SOURCE = 'questline';
const ID_MAX = 256;
const CORRELATION_MAX = 128;

/** FNV-1a, 64 bits, as 16 hex digits: short, stable across processes, no dependency. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  }
  return hash.toString(16).padStart(16, '0');
}

function derivedId(change: TopChange, tail: readonly number[], max: number): string {
  const join = (user: string) => ['lb', change.board, change.period, user, ...tail].join('#');
  const plain = join(change.userId);
  return plain.length <= max ? plain : join(`h${fnv1a64(change.userId)}`);
}

export function leaderboardChangedEnvelope(
  change: TopChange,
  occurredAt: string,
): Envelope<z.input<typeof leaderboardChangedV1.schema>> {
  return {
    metadata: {
      id: derivedId(change, [change.rank, change.score], ID_MAX),
      type: DETAIL_TYPE,
      version: VERSION,
      source: SOURCE,
      occurred_at: occurredAt,
      correlation_id: derivedId(change, [change.score], CORRELATION_MAX),
      user_id: change.userId,
    },
    data: {
      user_id: change.userId,
      board: change.board,
      period: change.period,
      rank: change.rank,
      previous_rank: change.previousRank,
      score: change.score,
    },
  };
}
