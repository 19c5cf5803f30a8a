import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractFor } from '../../../events/catalog';
import { envelopeSchema } from '../../../events/envelope';
import { leaderboardChangedEnvelope } from '../../../shared/domain/leaderboards/changed-event';
import type { TopChange } from '../../../shared/ports/leaderboards';

const AT = '2026-11-23T12:00:02.000Z';
const moved: TopChange = {
  board: 'xp',
  period: '2026-W48',
  userId: 'user-123',
  rank: 3,
  previousRank: 5,
  score: 1135,
};

const contract = contractFor('leaderboard.changed');
const schema = envelopeSchema(contract.schema);

describe('the leaderboard.changed envelope', () => {
  it('is the sample for the sample change', () => {
    const sample = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../events/samples/leaderboard.changed.json'), 'utf8'),
    );
    expect(leaderboardChangedEnvelope(moved, AT)).toEqual(sample);
  });

  it('matches its contract, entering the top 10 included (previous_rank null)', () => {
    const entered = leaderboardChangedEnvelope({ ...moved, previousRank: null, rank: 10 }, AT);
    expect(schema.parse(entered)).toEqual(entered);
    expect(entered.data.previous_rank).toBeNull();
    expect(entered.metadata).toMatchObject({ type: contract.detailType, version: contract.version });
  });

  it('derives its ids from the change, so a retried batch publishes the same ids', () => {
    const first = leaderboardChangedEnvelope(moved, AT);
    const retried = leaderboardChangedEnvelope({ ...moved }, '2026-11-23T12:00:09.000Z');
    expect(retried.metadata.id).toBe(first.metadata.id);
    expect(retried.metadata.correlation_id).toBe(first.metadata.correlation_id);
    expect(first.metadata.id).toBe('lb#xp#2026-W48#user-123#3#1135');
    expect(first.metadata.correlation_id).toBe('lb#xp#2026-W48#user-123#1135');
  });

  it('gives a different id to each rank, score, period, board and user', () => {
    const ids = [
      moved,
      { ...moved, rank: 2 },
      { ...moved, score: 1136 },
      { ...moved, period: '2026-11' },
      { ...moved, board: 'xp_week' },
      { ...moved, userId: 'user-124' },
    ].map((change) => leaderboardChangedEnvelope(change, AT).metadata.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps its ids within the envelope bounds for the longest user id, still deterministic', () => {
    const longest = { ...moved, board: 'b'.repeat(48), userId: 'u'.repeat(128), score: 999_999_999_999_999 };
    const envelope = leaderboardChangedEnvelope(longest, AT);
    expect(schema.safeParse(envelope).success).toBe(true);
    expect(envelope.metadata.correlation_id.length).toBeLessThanOrEqual(128);
    expect(envelope.metadata.correlation_id).toBe(
      leaderboardChangedEnvelope(longest, AT).metadata.correlation_id,
    );
    const other = leaderboardChangedEnvelope({ ...longest, userId: `${'u'.repeat(127)}v` }, AT);
    expect(other.metadata.correlation_id).not.toBe(envelope.metadata.correlation_id);
    // the user stays named in full where it counts: the metadata and the data
    expect(envelope.metadata.user_id).toBe(longest.userId);
    expect(envelope.data.user_id).toBe(longest.userId);
  });
});
