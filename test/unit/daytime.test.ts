import { describe, expect, it } from 'vitest';
import { apply } from '../../shared/domain/apply';
import { newProfile } from '../../shared/domain/profile';
import { defaultRules } from '../../shared/rules/load';
import { recentDaytime, recentDaytimeIso } from '../support/daytime';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const MAX_EVENT_AGE_MS = defaultRules().limits.max_event_age_hours * HOUR_MS;

const utc = (iso: string) => Date.parse(iso);
const answered = (nowIso: string) => recentDaytime(utc(nowIso)).toISOString();

/** Every quarter of an hour of a UTC day, with a leap day and a year's turn around it. */
function quartersOf(dayIso: string): number[] {
  const start = utc(dayIso);
  return Array.from({ length: 96 }, (_, i) => start + i * 15 * MINUTE_MS);
}
const instants = ['2026-12-01T00:00:00.000Z', '2028-02-29T00:00:00.000Z', '2026-12-31T00:00:00.000Z'].flatMap(
  quartersOf,
);

describe('recentDaytime', () => {
  it.each([
    ['2026-12-01T12:00:00.000Z', '2026-12-01T11:59:00.000Z'],
    ['2026-12-01T07:01:00.000Z', '2026-12-01T07:00:00.000Z'],
    ['2026-12-01T22:59:00.000Z', '2026-12-01T22:58:00.000Z'],
    ['2026-12-01T23:00:00.000Z', '2026-12-01T22:59:00.000Z'],
  ])('answers a minute before %s by day: %s', (now, expected) => {
    expect(answered(now)).toBe(expected);
  });

  it.each([
    ['2026-12-01T07:00:00.000Z', '2026-11-30T21:00:00.000Z'],
    ['2026-12-01T06:59:00.000Z', '2026-11-30T21:00:00.000Z'],
    ['2026-12-01T00:30:00.000Z', '2026-11-30T21:00:00.000Z'],
    ['2026-12-01T00:00:30.000Z', '2026-11-30T21:00:00.000Z'],
    ['2026-12-01T23:01:00.000Z', '2026-12-01T21:00:00.000Z'],
    ['2026-12-01T23:59:59.999Z', '2026-12-01T21:00:00.000Z'],
    ['2027-01-01T03:00:00.000Z', '2026-12-31T21:00:00.000Z'],
    ['2028-03-01T02:00:00.000Z', '2028-02-29T21:00:00.000Z'],
  ])('answers the last 21:00 UTC before %s by night: %s', (now, expected) => {
    expect(answered(now)).toBe(expected);
  });

  it('is never in the future, never older than the rules accept, and never before 07:00 or from 23:00', () => {
    for (const now of instants) {
      const time = recentDaytime(now).getTime();
      expect(time).toBeLessThan(now);
      expect(now - time).toBeLessThanOrEqual(10 * HOUR_MS + MINUTE_MS);
      expect(now - time).toBeLessThan(MAX_EVENT_AGE_MS);
      const hour = new Date(time).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(7);
      expect(hour).toBeLessThan(23);
    }
  });

  it('takes the clock by default and a Date as well as epoch milliseconds', () => {
    const before = Date.now();
    const time = recentDaytime().getTime();
    expect(time).toBeLessThan(before);
    expect(before - time).toBeLessThan(10 * HOUR_MS + 2 * MINUTE_MS);
    const now = new Date('2026-12-01T02:00:00.000Z');
    expect(recentDaytime(now)).toEqual(recentDaytime(now.getTime()));
    expect(recentDaytimeIso(now)).toBe('2026-11-30T21:00:00.000Z');
  });

  it('unlocks no time-of-day achievement of the default rules for a UTC user, at any hour', () => {
    for (const now of instants.filter((_, i) => i % 2 === 0)) {
      const activity = {
        eventId: `evt-${now}`,
        userId: 'user-1',
        type: 'flashcard_session',
        occurredAt: recentDaytimeIso(now),
      };
      const outcome = apply(defaultRules(), newProfile('user-1', new Date(now)), activity, new Date(now));
      if (outcome.status !== 'applied') throw new Error(`refused at ${new Date(now).toISOString()}`);
      expect(outcome.achievements.map((a) => a.id)).not.toContain('early_bird');
      expect(outcome.achievements.map((a) => a.id)).not.toContain('night_owl');
    }
  });
});
