import { describe, expect, it } from 'vitest';
import { CorruptItemError, profileAttributes, profileFromItem } from '../../shared/adapters/dynamo/items';
import { profileKey } from '../../shared/adapters/dynamo/keys';
import { apply } from '../../shared/domain/apply';
import { newProfile } from '../../shared/domain/profile';
import type { Profile } from '../../shared/domain/types';
import { defaultRules } from '../../shared/rules/load';
import { itemSizeBytes } from '../support/item-size';

/**
 * The profile item is written on every activity, so its size is paid on
 * every write (2 units per started KB in a transaction). Measured under the
 * default rules (caps, streaks, the achievement catalog), for users built by
 * the domain itself, day after day.
 */

const DAY_MS = 86_400_000;
const START = Date.parse('2026-06-01T12:00:00Z');
const EVERY_TYPE = [
  'lesson_complete',
  'quiz_completed',
  'daily_login',
  'story_completed',
  'chapter_completed',
  'decision_made',
  'flashcard_session',
  'scenario_completed',
  'custom',
];

function userAfter(days: number, types: readonly string[]): Profile {
  let profile = newProfile('user-0d6c3a9e-5b1f-4c8e-9a7d-2f4b6e8c1a3d', new Date(START));
  for (let day = 0; day < days; day++) {
    for (const [i, type] of types.entries()) {
      const now = new Date(START + day * DAY_MS + i * 60_000);
      const outcome = apply(
        defaultRules(),
        profile,
        {
          eventId: `evt-${day}-${i}`,
          userId: profile.userId,
          type,
          occurredAt: new Date(now.getTime() - 1_000).toISOString(),
          subjectId: `${type}-${day}`,
          ...(type === 'custom' && { amount: 50, metadata: { tag: 'social' } }),
        },
        now,
      );
      if (outcome.status === 'applied')
        profile = { ...outcome.profile, version: outcome.profile.version + 1 };
    }
  }
  return profile;
}

const itemOf = (profile: Profile) => ({
  ...profileKey(profile.userId),
  ...profileAttributes(profile, profile.version),
});

describe('the profile item', () => {
  it("keeps a typical user's profile (30 days, 3 activities a day) under 1.2 KB, and reads it back exactly", () => {
    const profile = userAfter(30, ['lesson_complete', 'quiz_completed', 'daily_login']);
    const item = itemOf(profile);

    expect(profile.streaks?.daily_activity?.current).toBe(30);
    expect(itemSizeBytes(item)).toBeLessThan(1_230);
    expect(profileFromItem(item)).toEqual(profile);
  });

  it("keeps a heavy user's profile (120 days, every activity type, 20+ achievements) under 2.5 KB, exactly", () => {
    const profile = userAfter(120, EVERY_TYPE);
    const item = itemOf(profile);

    expect(Object.keys(profile.achievements?.earned ?? {}).length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(profile.streaks ?? {}).sort()).toEqual([
      'daily_activity',
      'daily_login',
      'story',
      'study',
    ]);
    expect(itemSizeBytes(item)).toBeLessThan(2_560);
    expect(profileFromItem(item)).toEqual(profile);
  });

  it('stores the streaks packed, the wallet and progress positionally, the counters delta-encoded', () => {
    const profile = userAfter(3, ['quiz_completed']);
    const item = itemOf(profile);

    expect(item.streaks?.startsWith('{"daily_activity":[[')).toBe(true);
    expect(item.freezes).toMatch(/^\[\d+(,"\d{4}-\d{2}")?\]$/);
    expect(JSON.parse(item.achievements ?? 'null')).toHaveLength(4);
    expect(item.counters).not.toContain('hours');
    expect(profileFromItem(item).counters).toEqual(profile.counters);
  });

  it('keeps the week and month board tallies of a typical user as one small string', () => {
    const profile = userAfter(30, ['lesson_complete', 'quiz_completed', 'daily_login']);
    const item = itemOf(profile);

    // The last day, 2026-06-30, is in week 27: weeks 23 to 25 were dropped as they closed.
    expect(Object.keys(profile.boardTallies?.xp ?? {}).sort()).toEqual(['2026-06', '2026-W26', '2026-W27']);
    expect(item.boards?.length).toBeLessThan(80);
  });

  it('stores the display name and the board opt-out as attributes, and reads them back', () => {
    const profile: Profile = {
      ...userAfter(2, ['scenario_completed']),
      displayName: 'Ana María 🐉',
      leaderboardVisible: false,
    };
    const item = itemOf(profile);

    expect(item).toMatchObject({ display_name: 'Ana María 🐉', leaderboard_visible: false });
    expect(JSON.parse(item.boards ?? 'null')).toEqual(profile.boardTallies);
    expect(profileFromItem(item)).toEqual(profile);
  });

  it('leaves the leaderboard attributes out until they are set', () => {
    const item = itemOf({ ...newProfile('user-new', new Date(START)), version: 1 });

    expect(item).not.toHaveProperty('display_name');
    expect(item).not.toHaveProperty('leaderboard_visible');
    expect(item).not.toHaveProperty('boards');
  });

  it('refuses board tallies that do not parse', () => {
    const item = {
      ...itemOf({ ...newProfile('user-new', new Date(START)), version: 1 }),
      boards: '{"xp":{"2026-W27":-5}}',
    };

    expect(() => profileFromItem(item)).toThrow(CorruptItemError);
  });
});
