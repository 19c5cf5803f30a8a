import type { Rules } from '../../rules/schema';
import { wallClock } from '../local-time';
import { multiplierFor, multiply } from '../multipliers';
import type { Evaluator } from '../progress';
import type { LedgerBonus, Profile } from '../types';
import { addDays, streakDay } from './local-day';
import { streakFactor } from './multiplier';
import { recordDay } from './record';
import { emptyStreak, type StreakState, type StreakUpdate } from './state';
import { walletAt } from './wallet';

/** Extra days kept before the oldest local day an accepted activity can fall on (grace, zone changes). */
const WINDOW_SLACK_DAYS = 2;

/**
 * The oldest streak day a late activity can still change: activities older
 * than limits.max_event_age_hours are refused before they reach a streak.
 */
export function windowCutoff(rules: Rules, profile: Profile, now: Date): string {
  const oldest = new Date(now.getTime() - rules.limits.max_event_age_hours * 3_600_000);
  return addDays(wallClock(oldest, profile.timeZone).day, -WINDOW_SLACK_DAYS);
}

export function countsFor(rules: Rules, activityType: string): string[] {
  const types = rules.streaks?.types ?? {};
  return Object.keys(types).filter((code) => {
    const activities = types[code]?.activities;
    return activities === 'any' || activities?.includes(activityType) === true;
  });
}

/**
 * Every applied activity counts for the streak types that name it: days are
 * recorded, freezes consumed, milestones paid as bonuses on the same ledger
 * entry, and the streak factor joins the entry's multiplier. Adjustments and
 * other entries pass through untouched.
 */
export const streakEvaluator: Evaluator = (rules, before, draft) => {
  const { entry } = draft;
  const config = rules.streaks;
  if (!config || entry.kind !== 'activity' || entry.activityType === undefined) return draft;
  const codes = countsFor(rules, entry.activityType);
  if (codes.length === 0) return draft;

  const now = new Date(entry.recordedAt);
  const occurredAt = new Date(entry.occurredAt);
  const cutoff = windowCutoff(rules, before, now);
  const wallet = walletAt(rules, before, now);
  let held = wallet.held;
  const streaks: Record<string, StreakState> = { ...before.streaks };
  const changes: StreakUpdate[] = [];
  for (const code of codes) {
    const rule = config.types[code];
    if (!rule) continue;
    const result = recordDay({
      type: code,
      rule,
      milestones: config.milestones,
      state: streaks[code] ?? emptyStreak(),
      day: streakDay(occurredAt, before.timeZone, rule.grace_hours),
      held,
      cutoff,
    });
    streaks[code] = result.state;
    held = result.held;
    changes.push(result.change);
  }
  for (const change of changes) change.freezesLeft = held;

  const factorType = config.multiplier.streak_type;
  const factorRule = config.types[factorType];
  const factorDay = streakDay(occurredAt, before.timeZone, factorRule?.grace_hours ?? 0);
  const multiplier = multiplierFor(
    rules,
    before.vipTier,
    before.level,
    streakFactor(rules, streaks, factorDay),
  );
  const bonuses: LedgerBonus[] = changes.flatMap((c) =>
    c.milestones.map((m) => ({
      source: 'streak_milestone',
      id: `${c.type}:${m.days}`,
      xp: m.xp,
      coins: m.coins,
    })),
  );
  const dXp =
    multiply(entry.baseXp, multiplier) - multiply(entry.baseXp, entry.multiplier) + sum(bonuses, 'xp');
  const dCoins =
    multiply(entry.baseCoins, multiplier) -
    multiply(entry.baseCoins, entry.multiplier) +
    sum(bonuses, 'coins');
  const xp = draft.profile.xp + dXp;
  const coins = draft.profile.coins + dCoins;
  const allBonuses = [...(entry.bonuses ?? []), ...bonuses];
  return {
    ...draft,
    entry: {
      ...entry,
      multiplier,
      xp: entry.xp + dXp,
      coins: entry.coins + dCoins,
      ...(allBonuses.length > 0 && { bonuses: allBonuses }),
      balance: { xp, coins },
    },
    profile: { ...draft.profile, xp, coins, streaks, streakFreezes: { ...wallet, held } },
    streaks: [...draft.streaks, ...changes],
  };
};

function sum(bonuses: LedgerBonus[], field: 'xp' | 'coins'): number {
  return bonuses.reduce((total, b) => total + b[field], 0);
}
