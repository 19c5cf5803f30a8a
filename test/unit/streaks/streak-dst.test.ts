import { describe, expect, it } from 'vitest';
import { startOfDay, streakDay } from '../../../shared/domain/streaks/local-day';
import { rulesWith } from '../fixtures';
import { last, run, user } from './helpers';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
// study without grace: midnight is the boundary, and quizzes may repeat in a day
const rules = rulesWith((doc) => {
  if (doc.streaks.types.study) doc.streaks.types.study.grace_hours = 0;
});

function studyStreak(timeZone: string, instants: string[]) {
  const outcomes = run(
    rules,
    user({ timeZone }),
    instants.map((at) => ({ type: 'quiz_completed', at })),
  );
  return outcomes.map((o) => o.streaks.find((s) => s.type === 'study'));
}

describe('streak days across DST (America/New_York, Asia/Tokyo)', () => {
  it('New York, March: late evenings on both sides of the 23-hour day are consecutive days', () => {
    // 22:30 local on Mar 7 (EST, -5), Mar 8 (EDT, -4) and Mar 9 (EDT)
    const changes = studyStreak(NY, ['2026-03-08T03:30:00Z', '2026-03-09T02:30:00Z', '2026-03-10T02:30:00Z']);
    expect(changes.map((c) => c?.day)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(last(changes)).toMatchObject({ current: 3, action: 'increased' });
  });

  it('New York, March: just after midnight on the short day is already the new day', () => {
    // 23:59 EST on Mar 7 and 00:01 EST on Mar 8: two days, one after the other
    const changes = studyStreak(NY, ['2026-03-08T04:59:00Z', '2026-03-08T05:01:00Z']);
    expect(changes.map((c) => c?.day)).toEqual(['2026-03-07', '2026-03-08']);
    expect(last(changes)?.current).toBe(2);
  });

  it('New York, November: both 01:30s of the 25-hour day fall on Nov 1 and the next day continues', () => {
    // 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) on Nov 1, then 00:30 EST on Nov 2
    const changes = studyStreak(NY, ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T05:30:00Z']);
    expect(changes.map((c) => c?.day)).toEqual(['2026-11-01', '2026-11-01', '2026-11-02']);
    expect(changes.map((c) => c?.action)).toEqual(['started', 'maintained', 'increased']);
  });

  it('New York, November: grace is wall-clock time, so the second 01:30 is still grace', () => {
    expect(streakDay(new Date('2026-11-01T05:30:00Z'), NY, 2)).toBe('2026-10-31');
    expect(streakDay(new Date('2026-11-01T06:30:00Z'), NY, 2)).toBe('2026-10-31');
    expect(streakDay(new Date('2026-11-01T07:30:00Z'), NY, 2)).toBe('2026-11-01');
  });

  it('New York, March: the wall clock jumps from 01:59 to 03:00, past a 2-hour grace', () => {
    expect(streakDay(new Date('2026-03-08T06:59:00Z'), NY, 2)).toBe('2026-03-07');
    expect(streakDay(new Date('2026-03-08T07:00:00Z'), NY, 2)).toBe('2026-03-08');
  });

  it('New York: local days last 23 and 25 hours on the change dates', () => {
    const hours = (a: string, b: string) =>
      (startOfDay(b, NY).getTime() - startOfDay(a, NY).getTime()) / 3_600_000;
    expect(hours('2026-03-08', '2026-03-09')).toBe(23);
    expect(hours('2026-11-01', '2026-11-02')).toBe(25);
    expect(hours('2026-11-02', '2026-11-03')).toBe(24);
  });

  it('Tokyo (UTC+9, no DST) across the March change: its day starts at 15:00 UTC the day before', () => {
    const changes = studyStreak(TOKYO, [
      '2026-03-07T14:59:00Z',
      '2026-03-07T15:00:00Z',
      '2026-03-08T15:30:00Z',
    ]);
    expect(changes.map((c) => c?.day)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(last(changes)?.current).toBe(3);
  });

  it('Tokyo across the November change: one activity per JST day is a 3-day streak', () => {
    const changes = studyStreak(TOKYO, [
      '2026-10-31T23:00:00Z',
      '2026-11-01T16:00:00Z',
      '2026-11-02T14:00:00Z',
    ]);
    expect(changes.map((c) => c?.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-02']);
    expect(changes.map((c) => c?.action)).toEqual(['started', 'increased', 'maintained']);
  });

  it('the same instants make different days east and west of UTC', () => {
    const instant = new Date('2026-03-08T16:00:00Z');
    expect(streakDay(instant, NY, 0)).toBe('2026-03-08');
    expect(streakDay(instant, TOKYO, 0)).toBe('2026-03-09');
    // 01:00 JST is within a 2-hour grace; 02:00 JST is not
    expect(streakDay(instant, TOKYO, 2)).toBe('2026-03-08');
    expect(streakDay(new Date('2026-03-08T17:00:00Z'), TOKYO, 2)).toBe('2026-03-09');
  });
});
