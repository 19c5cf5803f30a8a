import { apply } from '../../../shared/domain/apply';
import type { Activity, AppliedOutcome, Profile } from '../../../shared/domain/types';
import type { Rules } from '../../../shared/rules/schema';
import { activity, expectApplied, profile } from '../fixtures';

/** Arrange helpers for the streak tests (not a test file itself). */

export function user(overrides: Partial<Profile> = {}): Profile {
  return profile({ xp: 0, coins: 0, ...overrides });
}

/** Applies `type` at `occurredAt`, delivered at `now` (default: on time). */
export function act(
  rules: Rules,
  before: Profile,
  type: string,
  occurredAt: string,
  now: string = occurredAt,
  overrides: Partial<Activity> = {},
): AppliedOutcome {
  const subject = rules.activities[type]?.first_time_per_subject ? { subjectId: `s-${occurredAt}` } : {};
  return expectApplied(
    apply(rules, before, activity(type, { occurredAt, ...subject, ...overrides }), new Date(now)),
  );
}

/** Applies activities in order, each on time unless `now` is given; returns every outcome. */
export function run(
  rules: Rules,
  start: Profile,
  steps: readonly { type: string; at: string; now?: string }[],
): AppliedOutcome[] {
  const outcomes: AppliedOutcome[] = [];
  let current = start;
  for (const step of steps) {
    const outcome = act(rules, current, step.type, step.at, step.now ?? step.at);
    outcomes.push(outcome);
    current = outcome.profile;
  }
  return outcomes;
}

export function last<T>(items: readonly T[]): T {
  const item = items[items.length - 1];
  if (item === undefined) throw new Error('empty');
  return item;
}

/** "2026-11-0{n}T{hh}:00:00Z"-style instants, one per day, at a fixed UTC hour. */
export function daily(firstDay: string, count: number, utcHour = 12): string[] {
  const start = Date.parse(`${firstDay}T${String(utcHour).padStart(2, '0')}:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString());
}
