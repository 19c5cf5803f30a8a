import { describe, expect, it } from 'vitest';
import { isoWeekKey, periodKey, resolvePeriod } from '../../../shared/domain/leaderboards/periods';
import { rulesWith } from '../../support/game-fixtures';

describe('ISO weeks', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('puts %s in %s', (date, week) => {
    expect(isoWeekKey(date)).toBe(week);
  });
});

describe('period keys in the board time zone', () => {
  // Monday 2026-11-30 00:30 in Tokyo is still Sunday 2026-11-29 in UTC.
  const mondayInTokyo = new Date('2026-11-29T15:30:00Z');

  it('starts a week and a month at local midnight', () => {
    expect(periodKey('week', mondayInTokyo, 'Asia/Tokyo')).toBe('2026-W49');
    expect(periodKey('week', mondayInTokyo, 'UTC')).toBe('2026-W48');
    expect(periodKey('month', new Date('2026-11-30T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-12');
    expect(periodKey('month', new Date('2026-11-30T23:30:00Z'), 'America/New_York')).toBe('2026-11');
    expect(periodKey('all_time', mondayInTokyo, 'UTC')).toBe('all');
  });
});

describe('the period a request names', () => {
  const boards = rulesWith().leaderboards;
  const boardNamed = (id: string) => {
    const found = boards[id];
    if (!found) throw new Error(`no board ${id}`);
    return found;
  };
  const board = boardNamed('xp');
  const streaks = boardNamed('streak_current');
  const now = new Date('2026-11-23T12:00:00Z');

  it('resolves the current windows and past keys', () => {
    expect(resolvePeriod(board, 'all_time', now)).toBe('all');
    expect(resolvePeriod(board, 'week', now)).toBe('2026-W48');
    expect(resolvePeriod(board, 'month', now)).toBe('2026-11');
    expect(resolvePeriod(board, '2026-W47', now)).toBe('2026-W47');
    expect(resolvePeriod(board, '2025-12', now)).toBe('2025-12');
  });

  it.each([
    ['a window the board does not keep', 'week', true],
    ['a malformed key', 'last-week', false],
    ['week 54', '2026-W54', false],
    ['a future week', '2026-W49', false],
    ['a future month', '2027-01', false],
    ['month 13', '2026-13', false],
  ])('refuses %s with a ValidationError on period', (_case, requested, onStreakBoard) => {
    const target = onStreakBoard ? streaks : board;
    expect(() => resolvePeriod(target, requested, now)).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ field: 'period' })] }),
    );
  });
});
