import type { Rules } from '../rules/schema';
import { achievementEvaluator } from './achievements/evaluator';
import { eventsFor } from './domain-events';
import { boardTalliesEvaluator } from './leaderboards/tallies';
import { type Evaluator, progressEvaluator, runEvaluators } from './progress';
import { streakEvaluator } from './streaks/evaluator';
import type { Activity, AppliedOutcome, LedgerEntry, Marker, Profile } from './types';

/** The stages every applied outcome goes through, in order. */
// Achievements last: their criteria read the level and the streak state the earlier stages set.
// Streaks first: they set the entry's multiplier and milestone bonuses, so the XP the later stages read.
// Board tallies after all: they add the entry's final XP and the unlocks to the week and month windows.
export const evaluators: readonly Evaluator[] = [
  streakEvaluator,
  progressEvaluator,
  achievementEvaluator,
  boardTalliesEvaluator,
];

export interface Change {
  entry: Omit<LedgerEntry, 'balance' | 'recordedAt' | 'eventId' | 'userId'>;
  eventId: string;
  counters?: Profile['counters'];
  markers?: Marker[];
  /** the activity applied, when there is one: evaluators read its metadata */
  activity?: Activity;
}

/**
 * Turns an accepted change into the outcome the store writes in one
 * transaction: totals moved, ledger entry with the balance after, evaluators
 * run, events derived. The profile keeps the version it was read at; the
 * store's condition on that version is what makes the write safe.
 */
export function settle(rules: Rules, before: Profile, change: Change, now: Date): AppliedOutcome {
  const recordedAt = now.toISOString();
  const xp = before.xp + change.entry.xp;
  const coins = before.coins + change.entry.coins;
  const profile: Profile = {
    ...before,
    xp,
    coins,
    counters: change.counters ?? before.counters,
    updatedAt: recordedAt,
  };
  const entry: LedgerEntry = {
    ...change.entry,
    eventId: change.eventId,
    userId: before.userId,
    balance: { xp, coins },
    recordedAt,
  };
  const draft = runEvaluators(
    rules,
    before,
    {
      status: 'applied',
      eventId: change.eventId,
      userId: before.userId,
      entry,
      profile,
      levelUps: [],
      milestones: [],
      streaks: [],
      achievements: [],
      markers: change.markers ?? [],
      ...(change.activity && { activity: change.activity }),
    },
    evaluators,
  );
  return { ...draft, events: eventsFor(rules, before, draft) };
}
