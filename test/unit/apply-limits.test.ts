import { describe, expect, it } from 'vitest';
import { apply } from '../../shared/domain/apply';
import type { Activity, Outcome, Profile } from '../../shared/domain/types';
import { defaultRules } from '../../shared/rules/load';
import type { Rules } from '../../shared/rules/schema';
import { activity, at, expectApplied, expectRefused, NOW, profile, rulesWith } from './fixtures';

const rules = defaultRules();

/** Applies activities in order, carrying the profile forward after each applied one. */
function run(r: Rules, start: Profile, activities: Activity[], now = NOW) {
  let current = start;
  const outcomes: Outcome[] = [];
  for (const a of activities) {
    const outcome = apply(r, current, a, now);
    if (outcome.status === 'applied') current = outcome.profile;
    outcomes.push(outcome);
  }
  return {
    outcomes,
    profile: current,
    statuses: outcomes.map((o) => (o.status === 'applied' ? 'ok' : o.reason)),
  };
}

const tight = rulesWith((doc) => {
  const quiz = doc.activities.quiz_completed;
  if (quiz) quiz.caps = { per_hour: 2, per_day: 3 };
});

describe('apply: caps', () => {
  it('refuses past the hourly cap within one UTC hour', () => {
    const { statuses } = run(tight, profile(), [
      activity('quiz_completed', { occurredAt: '2026-11-23T10:05:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-23T10:30:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-23T10:59:59Z' }),
    ]);
    expect(statuses).toEqual(['ok', 'ok', 'cap_reached']);
  });

  it('opens a new window in the next UTC hour, until the daily cap', () => {
    const { statuses } = run(tight, profile(), [
      activity('quiz_completed', { occurredAt: '2026-11-23T10:05:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-23T10:30:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-23T11:00:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-23T11:10:00Z' }),
    ]);
    expect(statuses).toEqual(['ok', 'ok', 'ok', 'cap_reached']);
  });

  it('says which cap was reached', () => {
    const { outcomes } = run(tight, profile(), [
      ...['09', '10', '11'].map((h) => activity('quiz_completed', { occurredAt: `2026-11-23T${h}:00:00Z` })),
      activity('quiz_completed', { occurredAt: '2026-11-23T11:30:00Z' }),
    ]);
    expect(expectRefused(outcomes[3] as Outcome, 'cap_reached').message).toMatch(/3 per day/);
  });

  it('counts days in the user time zone', () => {
    const la = profile({ timeZone: 'America/Los_Angeles' });
    // Before 08:00Z on the 23rd it is still the 22nd in Los Angeles
    const { statuses } = run(tight, la, [
      activity('quiz_completed', { occurredAt: '2026-11-23T05:00:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-23T06:00:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-23T07:00:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-23T07:30:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-23T08:30:00Z' }),
    ]);
    expect(statuses).toEqual(['ok', 'ok', 'ok', 'cap_reached', 'ok']);
  });

  it('keeps day windows while a late activity may still arrive, hour windows for a day', () => {
    // 61 h before NOW: inside max_event_age_hours (72), so its day must stay countable
    const first = expectApplied(
      apply(tight, profile(), activity('quiz_completed', { occurredAt: '2026-11-20T23:00:00Z' }), NOW),
    );
    const second = expectApplied(apply(tight, first.profile, activity('quiz_completed'), NOW));
    expect(second.profile.counters.quiz_completed).toEqual({
      hours: { '2026-11-23T12': 1 },
      days: { '2026-11-20': 1, '2026-11-23': 1 },
    });
  });

  it('drops day windows older than any activity could still be dated', () => {
    const stale = profile({
      counters: { quiz_completed: { hours: {}, days: { '2026-11-18': 3, '2026-11-20': 1 } } },
    });
    const next = expectApplied(apply(tight, stale, activity('quiz_completed'), NOW));
    expect(next.profile.counters.quiz_completed?.days).toEqual({ '2026-11-20': 1, '2026-11-23': 1 });
  });

  it('holds a late activity to the daily cap of its own day after newer activities', () => {
    const { statuses } = run(tight, profile(), [
      activity('quiz_completed', { occurredAt: '2026-11-20T18:00:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-20T19:00:00Z' }),
      activity('quiz_completed', { occurredAt: '2026-11-20T20:00:00Z' }),
      activity('quiz_completed'),
      activity('quiz_completed', { occurredAt: '2026-11-20T21:00:00Z' }),
    ]);
    expect(statuses).toEqual(['ok', 'ok', 'ok', 'ok', 'cap_reached']);
  });

  it('keeps no counters for activities without caps or once_per_day', () => {
    const free = rulesWith((doc) => {
      const quiz = doc.activities.quiz_completed;
      if (quiz) quiz.caps = {};
    });
    expect(expectApplied(apply(free, profile(), activity('quiz_completed'), NOW)).profile.counters).toEqual(
      {},
    );
  });

  it('writes nothing on refusal: the outcome carries no profile or entry', () => {
    const { outcomes } = run(
      tight,
      profile(),
      [1, 2, 3].map(() => activity('quiz_completed')),
    );
    expect(outcomes[2]).toEqual({
      status: 'refused',
      eventId: expect.any(String),
      userId: 'user-1',
      reason: 'cap_reached',
      message: expect.any(String),
    });
  });
});

describe('apply: once per day', () => {
  const login = (occurredAt: string) => activity('daily_login', { occurredAt });
  // Around midnight UTC (now 2026-11-25T12:00Z): Auckland is UTC+13, Los Angeles UTC-8 in November.
  const now = new Date('2026-11-25T12:00:00Z');

  it('refuses a second login on the same UTC day for a UTC user', () => {
    const { outcomes, statuses } = run(
      rules,
      profile(),
      [login('2026-11-24T00:30:00Z'), login('2026-11-24T23:30:00Z')],
      now,
    );
    expect(statuses).toEqual(['ok', 'already_done_today']);
    expect((outcomes[1] as { message: string }).message).toMatch(/2026-11-24 \(UTC\)/);
  });

  it('treats 23:30Z and 00:30Z as one Los Angeles afternoon', () => {
    const la = profile({ timeZone: 'America/Los_Angeles' });
    const { statuses } = run(rules, la, [login('2026-11-23T23:30:00Z'), login('2026-11-24T00:30:00Z')], now);
    expect(statuses).toEqual(['ok', 'already_done_today']);
  });

  it('treats 23:30Z and 00:30Z as two days in UTC', () => {
    const { statuses } = run(
      rules,
      profile(),
      [login('2026-11-23T23:30:00Z'), login('2026-11-24T00:30:00Z')],
      now,
    );
    expect(statuses).toEqual(['ok', 'ok']);
  });

  it('treats 10:30Z and 11:30Z as two days in Auckland (local midnight at 11:00Z)', () => {
    const auckland = profile({ timeZone: 'Pacific/Auckland' });
    const pair = [login('2026-11-24T10:30:00Z'), login('2026-11-24T11:30:00Z')];
    expect(run(rules, auckland, pair, now).statuses).toEqual(['ok', 'ok']);
    expect(run(rules, profile(), pair, now).statuses).toEqual(['ok', 'already_done_today']);
  });

  it('handles the 25-hour day when Los Angeles leaves daylight saving time', () => {
    // 2026-11-01 runs from 07:00Z (PDT midnight) to 08:00Z next day (PST midnight).
    const dstNow = new Date('2026-11-02T12:00:00Z');
    const la = profile({ timeZone: 'America/Los_Angeles' });
    const { statuses } = run(
      rules,
      la,
      [login('2026-11-01T07:30:00Z'), login('2026-11-02T07:30:00Z'), login('2026-11-02T08:30:00Z')],
      dstNow,
    );
    expect(statuses).toEqual(['ok', 'already_done_today', 'ok']);
  });

  it('counts a late activity on its own local day', () => {
    const { statuses } = run(
      rules,
      profile(),
      [login('2026-11-25T09:00:00Z'), login('2026-11-24T09:00:00Z')],
      now,
    );
    expect(statuses).toEqual(['ok', 'ok']);
  });
});

describe('apply: first time per subject', () => {
  it('needs a subject_id', () => {
    expectRefused(apply(rules, profile(), activity('lesson_complete'), NOW), 'subject_required');
  });

  it('asks the store to guard a marker for the subject', () => {
    const outcome = expectApplied(
      apply(rules, profile(), activity('lesson_complete', { subjectId: 'l-42' }), NOW),
    );
    expect(outcome.markers).toEqual([
      { kind: 'once_per_subject', activityType: 'lesson_complete', subjectId: 'l-42' },
    ]);
    expect(outcome.entry.subjectId).toBe('l-42');
  });

  it('refuses when the store found the marker', () => {
    const outcome = apply(rules, profile(), activity('lesson_complete', { subjectId: 'l-42' }), NOW, {
      subjectAlreadyDone: true,
    });
    expect(expectRefused(outcome, 'already_done_for_subject').message).toMatch(/l-42/);
  });

  it('sets no marker for activities that may repeat per subject', () => {
    const outcome = expectApplied(
      apply(rules, profile(), activity('quiz_completed', { subjectId: 'q-1' }), NOW),
    );
    expect(outcome.markers).toEqual([]);
  });

  it('still applies caps to first-time activities', () => {
    const capped = rulesWith((doc) => {
      const lesson = doc.activities.lesson_complete;
      if (lesson) lesson.caps = { per_hour: 1 };
    });
    const { statuses } = run(capped, profile(), [
      activity('lesson_complete', { subjectId: 'a', occurredAt: at(NOW, -10) }),
      activity('lesson_complete', { subjectId: 'b', occurredAt: at(NOW, -5) }),
    ]);
    expect(statuses).toEqual(['ok', 'cap_reached']);
  });
});
