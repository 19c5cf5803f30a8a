import { describe, expect, it } from 'vitest';
import { useFreeze } from '../../../shared/domain/streaks/freezes';
import { healthScore, streakView } from '../../../shared/domain/streaks/view';
import type { Profile } from '../../../shared/domain/types';
import { defaultRules } from '../../../shared/rules/load';
import { daily, last, run, user } from './helpers';

const rules = defaultRules();

function viewOf(profile: Profile, now: string, type = 'daily_activity') {
  const view = streakView(rules, profile, new Date(now));
  const streak = view.streaks.find((s) => s.type === type);
  if (!streak) throw new Error(`no ${type}`);
  return { view, streak };
}

const studied = (first: string, count: number, start = user()) =>
  last(
    run(
      rules,
      start,
      daily(first, count).map((at) => ({ type: 'quiz_completed', at })),
    ),
  ).profile;

describe('streakView', () => {
  it('lists every streak type of the rules, untouched ones as none', () => {
    const { view, streak } = viewOf(user(), '2026-11-20T12:00:00Z');
    expect(view.streaks.map((s) => s.type)).toEqual(['daily_activity', 'daily_login', 'study', 'story']);
    expect(view).toMatchObject({ freezesHeld: 3, freezesMax: 5 });
    expect(streak).toMatchObject({ status: 'none', current: 0, atRisk: false, lastAction: null });
    expect(streak.nextMilestone).toEqual({ days: 3, daysRemaining: 3, xp: 20, coins: 5 });
  });

  it('shows a streak kept today as active and not at risk', () => {
    const { streak } = viewOf(studied('2026-11-18', 3), '2026-11-20T21:00:00Z');
    expect(streak).toMatchObject({
      status: 'active',
      current: 3,
      doneToday: true,
      atRisk: false,
      lastAction: 'increased',
    });
    expect(streak.nextMilestone).toEqual({ days: 7, daysRemaining: 4, xp: 50, coins: 15 });
  });

  it('is at risk when today is not done and local time is past at_risk_hour', () => {
    const profile = studied('2026-11-18', 3);
    expect(viewOf(profile, '2026-11-21T19:59:00Z').streak).toMatchObject({ status: 'active', atRisk: false });
    expect(viewOf(profile, '2026-11-21T20:00:00Z').streak).toMatchObject({ status: 'active', atRisk: true });
  });

  it('reads at_risk and hours left in the user zone', () => {
    // 20:00 in Tokyo is 11:00 UTC; the day (with 2 grace hours) ends at 02:00 JST, 17:00 UTC
    const profile = studied('2026-11-18', 2, user({ timeZone: 'Asia/Tokyo' }));
    const { streak } = viewOf(profile, '2026-11-20T11:00:00Z');
    expect(streak).toMatchObject({ status: 'active', atRisk: true, hoursLeftToday: 6 });
  });

  it('counts 25 hours in the New York fall-back day', () => {
    const ny = user({ timeZone: 'America/New_York' });
    // 00:00 EDT on Nov 1 is 04:00 UTC; Nov 1 ends at 00:00 EST Nov 2, 05:00 UTC
    expect(viewOf(ny, '2026-11-01T04:00:00Z', 'daily_login').streak.hoursLeftToday).toBe(25);
    // with 2 grace hours it is still Oct 31 until the wall clock shows 02:00 EST, 07:00 UTC
    expect(viewOf(ny, '2026-11-01T04:00:00Z').streak.hoursLeftToday).toBe(3);
    // spring forward: 02:00 never shows on Mar 8, so Mar 7's grace ends at 03:00 EDT, 07:00 UTC
    expect(viewOf(ny, '2026-03-08T05:00:00Z').streak.hoursLeftToday).toBe(2);
    expect(viewOf(ny, '2026-03-08T05:00:00Z', 'daily_login').streak.hoursLeftToday).toBe(23);
  });

  it('shows missed days that freezes will cover as frozen, and a gap too wide as broken', () => {
    const profile = studied('2026-11-18', 3);
    expect(viewOf(profile, '2026-11-22T12:00:00Z').streak).toMatchObject({ status: 'frozen', current: 3 });
    expect(viewOf(profile, '2026-11-25T12:00:00Z').streak).toMatchObject({ status: 'broken', current: 0 });
    expect(viewOf(profile, '2026-11-22T12:00:00Z', 'study').streak).toMatchObject({
      status: 'broken',
      current: 0,
    });
    expect(viewOf(profile, '2026-11-25T12:00:00Z').streak.nextMilestone?.days).toBe(3);
  });

  it('shows today covered by an explicit freeze as frozen', () => {
    const frozen = useFreeze(
      rules,
      studied('2026-11-18', 3),
      'daily_activity',
      'r',
      new Date('2026-11-21T12:00:00Z'),
    );
    const { view, streak } = viewOf(frozen.profile, '2026-11-21T21:00:00Z');
    expect(streak).toMatchObject({ status: 'frozen', current: 3, atRisk: true, lastAction: 'frozen' });
    expect(view.freezesHeld).toBe(2);
  });

  it('scores health by the documented formula', () => {
    expect(healthScore(30, 2, true, false)).toBe(100);
    expect(healthScore(0, 0, false, true)).toBe(0);
    expect(healthScore(15, 1, false, false)).toBe(30 + 10 + 10);
    expect(healthScore(45, 5, false, true)).toBe(80);
    const { streak } = viewOf(studied('2026-11-18', 3), '2026-11-20T12:00:00Z');
    expect(streak.health).toBe(healthScore(3, 3, true, false));
  });
});
