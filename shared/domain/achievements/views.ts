import type { AchievementDefinition, Rarity, TierName } from '../../rules/achievements-schema';
import type { Rules } from '../../rules/schema';
import type { Profile } from '../types';
import { type MetricContext, metricValue, type Progress, progressOf } from './criteria';
import { achievementProgress, isFinished } from './tally';

/**
 * Pure views for GET /v1/achievements and GET /v1/me/achievements. Rarity %
 * comes from counts the store keeps (see UnlockStats); hidden achievements
 * keep their name and description to themselves until unlocked.
 */

export const HIDDEN_NAME = 'Hidden achievement';
export const HIDDEN_DESCRIPTION = 'Keep playing to discover this one.';

/**
 * Kept by the store: `users` profiles ever created, and per stat key the users
 * who unlocked it (added once per user, when the event item recording the unlock is written).
 */
export interface UnlockStats {
  users: number;
  unlocks: Record<string, number>;
}

/** "<id>" for one unlock per user, "<id>#<tier>" per tier; repeats past the first do not count. */
export function statKey(
  id: string,
  unlock: { tier?: TierName | undefined; times?: number | undefined },
): string | null {
  if (unlock.tier !== undefined) return `${id}#${unlock.tier}`;
  return (unlock.times ?? 1) === 1 ? id : null;
}

const isoOf = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

/** Capped at 100: the counts come from a stream, and for a moment an unlock may be counted before its user. */
function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.min(100, Math.round((part / whole) * 1000) / 10);
}

export interface CatalogTier {
  tier: TierName;
  min: number;
  rarity: Rarity;
  xp: number;
  coins: number;
  unlockedPercent: number;
}

export interface CatalogItem {
  id: string;
  name: string;
  description: string;
  category: string;
  rarity: Rarity;
  kind: AchievementDefinition['kind'];
  hidden: boolean;
  /** absent for tiered: each tier has its own */
  xp?: number;
  coins?: number;
  unlockedPercent: number;
  tiers?: CatalogTier[];
}

function masked(definition: AchievementDefinition, revealed: boolean) {
  return definition.hidden && !revealed
    ? { name: HIDDEN_NAME, description: HIDDEN_DESCRIPTION }
    : { name: definition.name, description: definition.description };
}

export function viewCatalog(rules: Rules, stats: UnlockStats): CatalogItem[] {
  const share = (key: string) => percent(stats.unlocks[key] ?? 0, stats.users);
  return Object.entries(rules.achievements).map(([id, d]) => {
    const base = {
      id,
      ...masked(d, false),
      category: d.category,
      rarity: d.rarity,
      kind: d.kind,
      hidden: d.hidden,
    };
    if (d.kind !== 'tiered')
      return { ...base, xp: d.reward.xp, coins: d.reward.coins, unlockedPercent: share(id) };
    const tiers = d.tiers.map((t) => ({
      tier: t.tier,
      min: t.min,
      rarity: t.rarity ?? d.rarity,
      ...t.reward,
      unlockedPercent: share(`${id}#${t.tier}`),
    }));
    return { ...base, unlockedPercent: tiers[0]?.unlockedPercent ?? 0, tiers };
  });
}

export interface EarnedView {
  id: string;
  name: string;
  description: string;
  category: string;
  rarity: Rarity;
  /** highest tier reached, for tiered */
  tier?: TierName;
  times: number;
  unlockedAt: string;
  lastUnlockedAt: string;
}

export interface InProgressView {
  id: string;
  name: string;
  description: string;
  category: string;
  /** the tier being worked towards, for tiered */
  nextTier?: TierName;
  progress: Progress & { percent: number };
}

export interface MyAchievements {
  unlocked: EarnedView[];
  inProgress: InProgressView[];
  /** the three in-progress achievements with the highest percent */
  closest: InProgressView[];
}

/** Progress towards the next unlock, or null when nothing is left to earn or it is not shown. */
function nextProgress(id: string, d: AchievementDefinition, times: number, ctx: MetricContext) {
  if (isFinished(d, times)) return null;
  if (d.kind === 'tiered') {
    const next = d.tiers[times];
    if (!next) return null;
    const value = metricValue(d.metric, id, ctx);
    return { nextTier: next.tier, progress: { current: Math.min(value, next.min), target: next.min } };
  }
  if (d.kind === 'repeatable') {
    // Progress within the current repeat: 27 of every 20 is 7 of 20 towards the next.
    const value = metricValue(d.criterion, id, ctx) - times * d.criterion.min;
    return { progress: { current: Math.max(0, Math.min(value, d.criterion.min)), target: d.criterion.min } };
  }
  // A one-off is a surprise or a yes/no: only incremental ones show a bar.
  return d.kind === 'incremental' ? { progress: progressOf(d.criterion, id, ctx) } : null;
}

export function viewMyAchievements(rules: Rules, profile: Profile): MyAchievements {
  const progress = achievementProgress(profile);
  const ctx = { progress, profile };
  const unlocked: EarnedView[] = [];
  const inProgress: InProgressView[] = [];
  for (const [id, d] of Object.entries(rules.achievements)) {
    const earned = Object.hasOwn(progress.earned, id) ? progress.earned[id] : undefined;
    const times = earned?.[0] ?? 0;
    if (earned && times > 0) {
      const tier = d.kind === 'tiered' ? d.tiers[times - 1] : undefined;
      unlocked.push({
        id,
        ...masked(d, true),
        category: d.category,
        rarity: tier?.rarity ?? d.rarity,
        ...(tier && { tier: tier.tier }),
        times,
        unlockedAt: isoOf(earned[1]),
        lastUnlockedAt: isoOf(earned[2] ?? earned[1]),
      });
    }
    // Hidden ones stay out of progress lists until unlocked: showing a bar would give them away.
    if (d.hidden && times === 0) continue;
    const next = nextProgress(id, d, times, ctx);
    if (!next) continue;
    const { current, target } = next.progress;
    inProgress.push({
      id,
      ...masked(d, true),
      category: d.category,
      ...(next.nextTier && { nextTier: next.nextTier }),
      progress: { current, target, percent: percent(current, target) },
    });
  }
  const closest = [...inProgress]
    .filter((a) => a.progress.current > 0)
    .sort((a, b) => b.progress.percent - a.progress.percent || a.id.localeCompare(b.id))
    .slice(0, 3);
  return { unlocked, inProgress, closest };
}
