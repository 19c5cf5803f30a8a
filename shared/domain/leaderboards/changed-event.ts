import { createHash } from 'node:crypto';
import type * as z from 'zod';
import type { Envelope, EVENT_SOURCE } from '../../../events/envelope';
import type * as leaderboardChangedV1 from '../../../events/leaderboard-changed.v1';
import type { TopChange } from '../../ports/leaderboards';

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

/** A short stable stand-in for a user id too long for an envelope id. */
const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

function derivedId(change: TopChange, tail: readonly number[], max: number): string {
  const join = (user: string) => ['lb', change.board, change.period, user, ...tail].join('#');
  const plain = join(change.userId);
  return plain.length <= max ? plain : join(`h${shortHash(change.userId)}`);
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
