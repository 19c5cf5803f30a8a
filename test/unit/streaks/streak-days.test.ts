import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../shared/rules/load';
import { act, daily, last, run, user } from './helpers';

const rules = defaultRules();

const streak = (outcome: { profile: { streaks?: Record<string, unknown> } }, type: string) =>
  outcome.profile.streaks?.[type] as {
    current: number;
    longest: number;
    total: number;
    lastDay: string;
    action: string;
  };

describe('streak days and actions', () => {
  it('starts a streak on the first counted activity', () => {
    const outcome = act(rules, user(), 'quiz_completed', '2026-11-20T12:00:00Z');
    expect(streak(outcome, 'daily_activity')).toMatchObject({
      current: 1,
      longest: 1,
      total: 1,
      action: 'started',
    });
    expect(outcome.streaks[0]).toMatchObject({
      type: 'daily_activity',
      action: 'started',
      day: '2026-11-20',
    });
  });

  it('maintains it on a second activity the same day', () => {
    const [, second] = run(rules, user(), [
      { type: 'quiz_completed', at: '2026-11-20T09:00:00Z' },
      { type: 'quiz_completed', at: '2026-11-20T18:00:00Z' },
    ]);
    expect(second?.streaks[0]).toMatchObject({ action: 'maintained', current: 1, previous: 1 });
    expect(streak(second as never, 'daily_activity').total).toBe(1);
  });

  it('increases it on the next local day', () => {
    const outcomes = run(
      rules,
      user(),
      daily('2026-11-20', 3).map((at) => ({ type: 'quiz_completed', at })),
    );
    expect(last(outcomes).streaks[0]).toMatchObject({ action: 'increased', current: 3, previous: 2 });
    expect(streak(last(outcomes), 'daily_activity')).toMatchObject({ current: 3, longest: 3, total: 3 });
  });

  it('counts only the activities a streak type names', () => {
    const outcome = act(rules, user(), 'chapter_completed', '2026-11-20T12:00:00Z');
    expect(outcome.streaks.map((s) => s.type)).toEqual(['daily_activity', 'story']);
    const login = act(rules, user(), 'daily_login', '2026-11-20T12:00:00Z');
    expect(login.streaks.map((s) => s.type)).toEqual(['daily_activity', 'daily_login']);
    const custom = act(rules, user(), 'custom', '2026-11-20T12:00:00Z', undefined, { amount: 10 });
    expect(custom.streaks.map((s) => s.type)).toEqual(['daily_activity']);
  });

  it('breaks a streak that is not freezable after a missed day, keeping the longest', () => {
    const outcomes = run(rules, user(), [
      { type: 'quiz_completed', at: '2026-11-18T12:00:00Z' },
      { type: 'quiz_completed', at: '2026-11-19T12:00:00Z' },
      { type: 'quiz_completed', at: '2026-11-21T12:00:00Z' },
    ]);
    const study = last(outcomes).streaks.find((s) => s.type === 'study');
    expect(study).toMatchObject({
      action: 'broken',
      current: 1,
      previous: 2,
      longest: 2,
      previousLastDay: '2026-11-19',
    });
    expect(last(outcomes).events.find((e) => e.detailType === 'streak.broken')?.data).toMatchObject({
      streak_type: 'study',
      previous_length: 2,
      last_active_day: '2026-11-19',
      day: '2026-11-21',
    });
  });

  it('decides the day by occurredAt in the user zone, not by the server clock', () => {
    // 23:30 in Los Angeles on the 20th is 07:30 UTC on the 21st
    const outcome = act(
      rules,
      user({ timeZone: 'America/Los_Angeles' }),
      'daily_login',
      '2026-11-21T07:30:00Z',
      '2026-11-21T12:00:00Z',
    );
    expect(outcome.streaks.find((s) => s.type === 'daily_login')?.day).toBe('2026-11-20');
  });

  it('counts an activity within the grace hours for the previous day', () => {
    // daily_activity has 2 grace hours: 01:30 on the 21st still keeps the 20th
    const outcomes = run(rules, user(), [
      { type: 'quiz_completed', at: '2026-11-20T12:00:00Z' },
      { type: 'quiz_completed', at: '2026-11-21T01:30:00Z' },
      { type: 'quiz_completed', at: '2026-11-21T02:00:00Z' },
    ]);
    expect(outcomes[1]?.streaks[0]).toMatchObject({
      type: 'daily_activity',
      day: '2026-11-20',
      action: 'maintained',
    });
    expect(outcomes[2]?.streaks[0]).toMatchObject({ day: '2026-11-21', action: 'increased', current: 2 });
  });

  it('gives no grace to a type without it', () => {
    const outcome = act(rules, user(), 'daily_login', '2026-11-21T01:30:00Z');
    expect(outcome.streaks.find((s) => s.type === 'daily_login')?.day).toBe('2026-11-21');
  });

  it('leaves streaks alone for adjustments', async () => {
    const { adjust } = await import('../../../shared/domain/adjust');
    const outcome = adjust(
      rules,
      user(),
      { eventId: 'adj-1', userId: 'user-1', xp: 10, coins: 0, reason: 'support' },
      new Date('2026-11-20T12:00:00Z'),
    );
    expect(outcome).toMatchObject({ status: 'applied', streaks: [] });
  });

  it('folds days older than the acceptance window, keeping the item small', () => {
    const outcomes = run(
      rules,
      user(),
      daily('2026-09-01', 45).map((at) => ({ type: 'flashcard_session', at })),
    );
    const state = last(outcomes).profile.streaks?.study;
    expect(state).toMatchObject({ current: 45, longest: 45, total: 45, lastDay: '2026-10-15' });
    expect(state?.days.length).toBeLessThanOrEqual(7);
    expect(state?.base.total).toBe(45 - (state?.days.length ?? 0));
  });
});
