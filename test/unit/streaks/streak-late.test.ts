import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply } from '../../../shared/domain/apply';
import type { Profile } from '../../../shared/domain/types';
import { rulesWith } from '../fixtures';
import { last, run, user } from './helpers';

// A 30-day acceptance window, so late activities can span many days.
const rules = rulesWith((doc) => {
  doc.limits.max_event_age_hours = 720;
});
const NOW = '2026-11-30T12:00:00Z';

describe('late activities', () => {
  it('a late activity for an earlier day fills the gap and joins the runs', () => {
    const outcomes = run(rules, user({ streakFreezes: { held: 0 } }), [
      { type: 'story_completed', at: '2026-11-20T12:00:00Z' },
      { type: 'story_completed', at: '2026-11-22T12:00:00Z' },
      { type: 'story_completed', at: '2026-11-21T12:00:00Z', now: '2026-11-22T13:00:00Z' },
    ]);
    expect(outcomes[1]?.streaks.find((s) => s.type === 'story')).toMatchObject({
      action: 'broken',
      current: 1,
    });
    expect(last(outcomes).streaks.find((s) => s.type === 'story')).toMatchObject({
      action: 'increased',
      current: 3,
      day: '2026-11-21',
    });
    expect(last(outcomes).profile.streaks?.story).toMatchObject({
      current: 3,
      longest: 3,
      lastDay: '2026-11-22',
    });
  });

  it('a late activity for a day already kept only maintains', () => {
    const outcomes = run(rules, user(), [
      { type: 'story_completed', at: '2026-11-21T12:00:00Z' },
      { type: 'story_completed', at: '2026-11-22T12:00:00Z' },
      { type: 'story_completed', at: '2026-11-21T18:00:00Z', now: '2026-11-22T13:00:00Z' },
    ]);
    expect(last(outcomes).streaks.find((s) => s.type === 'story')).toMatchObject({
      action: 'maintained',
      current: 2,
    });
  });

  it('a late activity that is older than the current run leaves current alone and adds to the total', () => {
    const outcomes = run(rules, user({ streakFreezes: { held: 0 } }), [
      { type: 'story_completed', at: '2026-11-21T12:00:00Z' },
      { type: 'story_completed', at: '2026-11-22T12:00:00Z' },
      { type: 'story_completed', at: '2026-11-15T12:00:00Z', now: '2026-11-22T13:00:00Z' },
    ]);
    expect(last(outcomes).streaks.find((s) => s.type === 'story')).toMatchObject({
      action: 'maintained',
      current: 2,
    });
    expect(last(outcomes).profile.streaks?.story).toMatchObject({ total: 3, lastDay: '2026-11-22' });
  });
});

// No once_per_day type: which of two same-day logins is refused depends on order
// (daily_login's day has no grace, daily_activity's has), so the applied stream would differ.
const types = ['quiz_completed', 'story_completed', 'chapter_completed', 'flashcard_session'];

const stream = fc.record({
  timeZone: fc.constantFrom('UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'),
  held: fc.integer({ min: 0, max: 3 }),
  activities: fc.array(
    fc.record({ type: fc.constantFrom(...types), hoursAgo: fc.integer({ min: 0, max: 24 * 20 }) }),
    { minLength: 1, maxLength: 25 },
  ),
  seed: fc.array(fc.integer(), { minLength: 25, maxLength: 25 }),
});

function deliver(start: Profile, activities: { type: string; hoursAgo: number }[]): Profile {
  let profile = start;
  activities.forEach((a, i) => {
    const occurredAt = new Date(Date.parse(NOW) - a.hoursAgo * 3_600_000).toISOString();
    const outcome = apply(
      rules,
      profile,
      {
        eventId: `e-${a.type}-${a.hoursAgo}-${i}`,
        userId: 'user-1',
        type: a.type,
        occurredAt,
        subjectId: `s-${a.hoursAgo}-${i}`,
      },
      new Date(NOW),
    );
    if (outcome.status === 'applied') profile = outcome.profile;
  });
  return profile;
}

function summary(profile: Profile) {
  return Object.fromEntries(
    Object.entries(profile.streaks ?? {}).map(([type, s]) => [
      type,
      {
        current: s.current,
        longest: s.longest,
        lastDay: s.lastDay,
        total: s.total,
        days: s.days,
        frozen: s.frozen,
      },
    ]),
  );
}

describe('delivery order (property)', () => {
  it('the same activity stream in any order yields the same final streaks', () => {
    fc.assert(
      fc.property(stream, ({ timeZone, held, activities, seed }) => {
        const start = user({ timeZone, streakFreezes: { held } });
        const inOrder = [...activities].sort((a, b) => b.hoursAgo - a.hoursAgo);
        const shuffled = activities
          .map((a, i) => ({ a, k: seed[i] ?? 0 }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.a);
        const first = deliver(start, inOrder);
        const second = deliver(start, shuffled);
        expect(summary(second)).toEqual(summary(first));
        expect(second.streakFreezes?.held).toBe(first.streakFreezes?.held);
      }),
      { numRuns: 300 },
    );
  });
});
