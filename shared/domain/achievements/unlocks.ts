import type { AchievementDefinition, TierName } from '../../rules/achievements-schema';
import type { Rules } from '../../rules/schema';
import type { AchievementProgress, AchievementUnlock, Profile } from '../types';
import { isMet, type MetricContext, metricValue } from './criteria';
import { activityMetrics, isFinished, timesEarned } from './tally';

/** An unlock as the evaluator makes it: every field set. */
export type Unlock = Required<Omit<AchievementUnlock, 'tier'>> & Pick<AchievementUnlock, 'tier'>;

function unlock(
  id: string,
  definition: AchievementDefinition,
  times: number,
  reward: { xp: number; coins: number },
  extra: { tier?: TierName; rarity?: Unlock['rarity'] } = {},
): Unlock {
  return {
    id,
    name: definition.name,
    xp: reward.xp,
    coins: reward.coins,
    times,
    ...(extra.tier && { tier: extra.tier }),
    category: definition.category,
    rarity: extra.rarity ?? definition.rarity,
  };
}

/** The unlocks one achievement owes now, beyond the `times` already earned. */
function owed(id: string, definition: AchievementDefinition, times: number, ctx: MetricContext): Unlock[] {
  if (isFinished(definition, times)) return [];
  switch (definition.kind) {
    case 'one_off':
    case 'incremental':
      return isMet(definition.criterion, id, ctx) ? [unlock(id, definition, 1, definition.reward)] : [];
    case 'tiered': {
      // Every tier crossed is its own unlock, also when one big award crosses several.
      const value = metricValue(definition.metric, id, ctx);
      return definition.tiers.flatMap((tier, i) =>
        i + 1 > times && value >= tier.min
          ? [
              unlock(id, definition, i + 1, tier.reward, {
                tier: tier.tier,
                rarity: tier.rarity ?? definition.rarity,
              }),
            ]
          : [],
      );
    }
    case 'repeatable': {
      const reached = Math.min(
        definition.max_times,
        Math.floor(metricValue(definition.criterion, id, ctx) / definition.criterion.min),
      );
      const repeats: Unlock[] = [];
      for (let n = times + 1; n <= reached; n++) repeats.push(unlock(id, definition, n, definition.reward));
      return repeats;
    }
  }
}

export function newUnlocks(rules: Rules, progress: AchievementProgress, profile: Profile): Unlock[] {
  const ctx = { progress, profile };
  return Object.entries(rules.achievements).flatMap(([id, definition]) =>
    owed(id, definition, timesEarned(progress, id), ctx),
  );
}

/** Records unlocks as earned at `at`; a finished achievement's match tallies are dropped. */
export function recordUnlocks(
  rules: Rules,
  progress: AchievementProgress,
  unlocks: readonly Unlock[],
  at: string,
): AchievementProgress {
  const earned = { ...progress.earned };
  const seconds = Math.floor(Date.parse(at) / 1000);
  for (const u of unlocks) {
    const first = earned[u.id]?.[1] ?? seconds;
    earned[u.id] = first === seconds ? [u.times, first] : [u.times, first, seconds];
  }
  const matches = { ...progress.matches };
  for (const u of unlocks) {
    const definition = rules.achievements[u.id];
    if (!definition || !isFinished(definition, u.times)) continue;
    for (const { key } of activityMetrics(u.id, definition)) delete matches[key];
  }
  return { ...progress, earned, matches };
}
