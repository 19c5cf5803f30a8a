import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClock } from '../../shared/domain/local-time';

/** The wall clock straight from Intl, with no offset kept: what wallClock must always agree with. */
function intlWallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  return {
    day: `${pad(n('year'), 4)}-${pad(n('month'))}-${pad(n('day'))}`,
    minutes: n('hour') * 60 + n('minute'),
    asUtc: Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')),
  };
}

/** DST both ways, half-hour DST (Lord Howe), quarter-hour offsets (Kathmandu, Chatham), no DST, the date line. */
const zones = [
  'UTC',
  'America/New_York',
  'Asia/Tokyo',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'Pacific/Apia',
  'America/Santiago',
];

describe('wallClock', () => {
  it('agrees with Intl at any instant from 1970 to 2100, in every kind of zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (at, zone) => {
          expect(wallClock(new Date(at), zone)).toEqual(intlWallClock(new Date(at), zone));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('agrees with Intl on every minute around the 2026 DST changes of New York and Lord Howe', () => {
    const around = [
      ['America/New_York', Date.UTC(2026, 2, 8, 7)],
      ['America/New_York', Date.UTC(2026, 10, 1, 6)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15, 30)],
    ] as const;
    for (const [zone, change] of around) {
      for (let at = change - 90 * 60_000; at <= change + 90 * 60_000; at += 60_000) {
        expect(wallClock(new Date(at), zone)).toEqual(intlWallClock(new Date(at), zone));
      }
    }
  });

  it('reads an invalid zone as UTC', () => {
    const at = new Date(Date.UTC(2026, 10, 23, 23, 30));
    expect(wallClock(at, 'Not/AZone')).toEqual(intlWallClock(at, 'UTC'));
  });
});
