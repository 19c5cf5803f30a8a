import { describe, expect, it } from 'vitest';
import { viewProfile } from '../../shared/domain/profile';
import type { AppliedOutcome, LedgerEntry, Profile } from '../../shared/domain/types';
import { presentHistory, presentOutcome, presentProfile } from '../../shared/http/presenters';
import {
  historyResponseSchema,
  outcomeResponseSchema,
  profileResponseSchema,
} from '../../shared/http/response-schemas';
import { defaultRules } from '../../shared/rules/load';

const profile: Profile = {
  userId: 'user-1',
  xp: 300,
  coins: 40,
  level: 3,
  sceneLevel: 1,
  vipTier: 'standard',
  timeZone: 'Europe/Madrid',
  version: 4,
  counters: { lesson_complete: { hours: { '2026-01-31T09': 1 }, days: { '2026-01-31': 1 } } },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-31T09:30:00.000Z',
};

const entry: LedgerEntry = {
  eventId: 'evt-1',
  userId: 'user-1',
  kind: 'activity',
  activityType: 'lesson_complete',
  subjectId: 'lesson-7',
  reason: 'Finished a lesson',
  baseXp: 25,
  baseCoins: 5,
  multiplier: 1.2,
  xp: 30,
  coins: 6,
  balance: { xp: 300, coins: 40 },
  occurredAt: '2026-01-31T09:30:00.000Z',
  recordedAt: '2026-01-31T09:30:01.000Z',
};

const outcome: AppliedOutcome = {
  status: 'applied',
  eventId: 'evt-1',
  userId: 'user-1',
  entry,
  profile,
  levelUps: [{ level: 3, title: 'Novice' }],
  milestones: [{ sceneLevel: 1, xp: 250, description: 'in a study room' }],
  streaks: [],
  achievements: [],
  markers: [{ kind: 'once_per_subject', activityType: 'lesson_complete', subjectId: 'lesson-7' }],
  events: [{ detailType: 'points.awarded', data: {} }],
};

/** A presenter's output must survive its response schema untouched: no extra, no missing field. */
const roundTrips = (schema: { parse(value: unknown): unknown }, value: unknown) =>
  expect(schema.parse(value)).toEqual(value);

describe('presenters', () => {
  it('speaks snake_case for a profile, including the next milestone', () => {
    const body = presentProfile(viewProfile(defaultRules(), profile));
    expect(body).toMatchObject({
      user_id: 'user-1',
      xp: 300,
      coins: 40,
      scene_level: 1,
      next_milestone: { scene_level: 2, xp: 500, xp_remaining: 200 },
      vip_tier: 'standard',
      time_zone: 'Europe/Madrid',
      created_at: '2026-01-01T00:00:00.000Z',
    });
    expect(Object.keys(body)).not.toContain('counters');
    expect(Object.keys(body)).not.toContain('version');
    roundTrips(profileResponseSchema, body);
  });

  it('presents the awarded amounts, the profile after, level-ups and milestones of an outcome', () => {
    const body = presentOutcome(defaultRules(), { duplicate: true, outcome });
    expect(body.duplicate).toBe(true);
    expect(body.event_id).toBe('evt-1');
    expect(body.awarded).toEqual({ xp: 30, coins: 6, base_xp: 25, base_coins: 5, multiplier: 1.2 });
    expect(body.profile.user_id).toBe('user-1');
    expect(body.level_ups).toEqual([{ level: 3, title: 'Novice' }]);
    expect(body.milestones).toEqual([{ scene_level: 1, xp: 250, description: 'in a study room' }]);
    expect(body.streaks).toEqual([]);
    expect(body.achievements).toEqual([]);
    roundTrips(outcomeResponseSchema, body);
  });

  it('keeps internal parts of an outcome (markers, events) off the wire', () => {
    const body = presentOutcome(defaultRules(), { duplicate: false, outcome });
    expect(JSON.stringify(body)).not.toContain('points.awarded');
    expect(JSON.stringify(body)).not.toContain('once_per_subject');
  });

  it('presents a ledger page with its cursor, omitting absent optional fields', () => {
    const adjustment: LedgerEntry = {
      ...entry,
      eventId: 'adj-1',
      kind: 'adjustment',
      activityType: undefined,
      subjectId: undefined,
      reason: 'refund',
      xp: 0,
      coins: -10,
      multiplier: 1,
    };
    const body = presentHistory({ entries: [adjustment, entry], nextCursor: 'abc' });
    expect(body.next_cursor).toBe('abc');
    expect(body.items[0]).not.toHaveProperty('activity_type');
    expect(body.items[0]).toMatchObject({ event_id: 'adj-1', kind: 'adjustment', coins: -10 });
    expect(body.items[1]).toMatchObject({
      activity_type: 'lesson_complete',
      subject_id: 'lesson-7',
      base_xp: 25,
    });
    roundTrips(historyResponseSchema, body);
  });
});
