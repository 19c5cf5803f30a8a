import type { Criterion, LeafCriterion, Metric } from '../../rules/achievements-schema';
import type { AchievementProgress, Activity, Profile } from '../types';
import { inWindow, localMinuteOfDay } from './local-clock';
import { streakLength } from './streak-access';

/**
 * Criteria are read against the tallies on the profile, never against the
 * ledger, so evaluating one activity costs no read beyond the profile item.
 */

/**
 * Where the matches of a filtered `activity` metric are tallied: the
 * achievement id, plus the positions inside all/any when nested ("explorer.1").
 */
export function criterionKey(id: string, path: readonly number[]): string {
  return [id, ...path].join('.');
}

export interface MetricContext {
  progress: AchievementProgress;
  profile: Profile;
}

export function metricValue(metric: Metric, key: string, { progress, profile }: MetricContext): number {
  switch (metric.kind) {
    case 'count':
      return progress.counts[metric.activity] ?? 0;
    case 'distinct_subjects':
      return progress.subjects[metric.activity] ?? 0;
    case 'total_xp':
      return profile.xp;
    case 'level':
      return profile.level;
    case 'streak':
      return streakLength(profile, metric.streak, metric.measure);
    case 'activity':
      return progress.matches[key] ?? 0;
  }
}

export function isMet(criterion: Criterion, key: string, ctx: MetricContext): boolean {
  if (criterion.kind === 'all') return criterion.of.every((c, i) => isMet(c, `${key}.${i}`, ctx));
  if (criterion.kind === 'any') return criterion.of.some((c, i) => isMet(c, `${key}.${i}`, ctx));
  return metricValue(criterion, key, ctx) >= criterion.min;
}

export interface Progress {
  current: number;
  target: number;
}

/** all: the sum of each part's capped progress; any: the part closest to done. */
export function progressOf(criterion: Criterion, key: string, ctx: MetricContext): Progress {
  if (criterion.kind === 'all' || criterion.kind === 'any') {
    const parts = criterion.of.map((c, i) => progressOf(c, `${key}.${i}`, ctx));
    if (criterion.kind === 'all') {
      return parts.reduce((sum, p) => ({ current: sum.current + p.current, target: sum.target + p.target }), {
        current: 0,
        target: 0,
      });
    }
    return parts.reduce((best, p) => (p.current / p.target > best.current / best.target ? p : best));
  }
  return { current: Math.min(metricValue(criterion, key, ctx), criterion.min), target: criterion.min };
}

type Comparable = number | string | boolean;

function compare(actual: unknown, op: string, expected: Comparable): boolean {
  if (op === 'eq') return actual === expected;
  if (op === 'ne') return actual !== expected;
  // Ordering only between values of the same type: "100" is not above 90.
  if (typeof actual !== typeof expected || typeof actual === 'boolean') return false;
  const a = actual as number | string;
  if (op === 'gt') return a > expected;
  if (op === 'gte') return a >= expected;
  if (op === 'lt') return a < expected;
  return a <= expected;
}

/** Does this activity count for a filtered `activity` metric? */
export function matchesActivity(
  metric: Extract<LeafCriterion | Metric, { kind: 'activity' }>,
  activity: Pick<Activity, 'type' | 'occurredAt' | 'metadata'>,
  timeZone: string,
): boolean {
  if (metric.activity !== undefined && metric.activity !== activity.type) return false;
  const metadata = activity.metadata ?? {};
  for (const condition of metric.where) {
    const actual = Object.hasOwn(metadata, condition.field) ? metadata[condition.field] : undefined;
    if (!compare(actual, condition.op, condition.value)) return false;
  }
  if (metric.local_time) {
    return inWindow(localMinuteOfDay(new Date(activity.occurredAt), timeZone), metric.local_time);
  }
  return true;
}
