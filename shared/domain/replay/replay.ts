import type { Rules } from '../../rules/schema';
import { adjust } from '../adjust';
import { apply } from '../apply';
import { QuestlineError } from '../errors';
import { newProfile } from '../profile';
import { spendCoins } from '../spend';
import { buyFreeze, useFreeze } from '../streaks/freezes';
import type { Marker, Outcome, Profile } from '../types';
import { type HistoryStep, inAppliedOrder, type UserHistory } from './history';

/** What a user's history comes to under some rules. */
export interface Replayed {
  userId: string;
  profile: Profile;
  /** coins awarded (activities, rewards, grants), before anything was spent */
  coinsEarned: number;
  /** recorded activities these rules refuse (a lower cap, a removed type, ...) */
  refusedActivities: number;
  /** purchases the user could not have afforded: coins they have already spent */
  unaffordable: { eventId: string; at: string; reason: string; price: number }[];
}

/**
 * Replays a user's recorded history through the pure domain under `rules`,
 * from a fresh profile, deciding each step at the instant it was first
 * decided. Nothing is read or written: the same history and rules always
 * give the same result, so a what-if and a backfill agree.
 */
export function replayHistory(rules: Rules, history: UserHistory): Replayed {
  const steps = inAppliedOrder(history.steps);
  const first = steps[0]?.at ?? new Date(0).toISOString();
  const result: Replayed = {
    userId: history.userId,
    profile: newProfile(history.userId, new Date(first)),
    coinsEarned: 0,
    refusedActivities: 0,
    unaffordable: [],
  };
  const subjectsDone = new Set<string>();
  for (const step of steps) {
    const before = { ...result.profile, ...step.settings };
    const decided = decide(rules, before, step, subjectsDone);
    if (decided === SKIPPED) continue;
    if (decided.status === 'refused') {
      if (step.kind === 'activity') result.refusedActivities += 1;
      if (step.kind === 'purchase') {
        result.unaffordable.push({
          eventId: step.eventId,
          at: step.at,
          reason: step.reason,
          price: step.price,
        });
      }
      continue;
    }
    for (const marker of decided.markers) subjectsDone.add(`${marker.activityType}#${marker.subjectId}`);
    result.coinsEarned += Math.max(0, decided.coins);
    result.profile = decided.profile;
  }
  return result;
}

/** A step these rules forbid outright (a type no longer freezable, an adjustment over a new limit): skipped. */
const SKIPPED = Symbol('skipped');

type Decided =
  | { status: 'applied'; profile: Profile; coins: number; markers: readonly Marker[] }
  | { status: 'refused' }
  | typeof SKIPPED;

function decide(rules: Rules, profile: Profile, step: HistoryStep, subjectsDone: Set<string>): Decided {
  const now = new Date(step.at);
  try {
    switch (step.kind) {
      case 'activity': {
        const { activity } = step;
        const subjectAlreadyDone =
          activity.subjectId !== undefined && subjectsDone.has(`${activity.type}#${activity.subjectId}`);
        const facts = { subjectAlreadyDone };
        return decided(apply(rules, profile, { ...activity, userId: profile.userId }, now, facts));
      }
      case 'adjustment':
        return decided(adjust(rules, profile, { ...step.adjustment, userId: profile.userId }, now));
      case 'purchase': {
        const { eventId, reason, price } = step;
        return decided(
          step.freeze
            ? buyFreeze(atPrice(rules, price), profile, eventId, now)
            : spendCoins(rules, profile, { eventId, what: reason, price, reason }, now),
        );
      }
      case 'freeze_use': {
        const used = useFreeze(rules, profile, step.streakType, step.eventId, now);
        return { status: 'applied', profile: used.profile, coins: 0, markers: [] };
      }
    }
  } catch (error) {
    if (error instanceof QuestlineError) return SKIPPED;
    throw error;
  }
}

function decided(outcome: Outcome): Decided {
  if (outcome.status === 'refused') return { status: 'refused' };
  return {
    status: 'applied',
    profile: outcome.profile,
    coins: outcome.entry.coins,
    markers: outcome.markers,
  };
}

/** The freeze price paid then, whatever the rules charge now. */
function atPrice(rules: Rules, price: number): Rules {
  const streaks = rules.streaks;
  if (!streaks) return rules;
  return { ...rules, streaks: { ...streaks, freezes: { ...streaks.freezes, price_coins: price } } };
}
