import type { AchievementDefinition, Criterion, Metric } from '../../rules/achievements-schema';
import type { Rules } from '../../rules/schema';
import type { Draft } from '../progress';
import type { AchievementProgress, Activity } from '../types';
import { criterionKey, matchesActivity } from './criteria';

export function emptyProgress(): AchievementProgress {
  return { counts: {}, subjects: {}, matches: {}, earned: {} };
}

/** How often an achievement was earned (tiers reached, for tiered); 0 if never. */
export function timesEarned(progress: AchievementProgress, id: string): number {
  return Object.hasOwn(progress.earned, id) ? (progress.earned[id]?.[0] ?? 0) : 0;
}

export function achievementProgress(profile: { achievements?: AchievementProgress }): AchievementProgress {
  return profile.achievements ?? emptyProgress();
}

/** Every tier or the one unlock is earned: nothing more to count for it (repeatables never finish). */
export function isFinished(definition: AchievementDefinition, times: number): boolean {
  if (definition.kind === 'tiered') return times >= definition.tiers.length;
  if (definition.kind === 'repeatable') return times >= definition.max_times;
  return times >= 1;
}

type ActivityMetric = { key: string; metric: Extract<Metric, { kind: 'activity' }> };

/**
 * Each definition's activity metrics, worked out once: the rules do not
 * change within a process, and every applied activity asks for all of them.
 */
const metricsByDefinition = new WeakMap<AchievementDefinition, Map<string, readonly ActivityMetric[]>>();

/** The filtered `activity` metrics of an achievement, with the key their matches are tallied under. */
export function activityMetrics(id: string, definition: AchievementDefinition): readonly ActivityMetric[] {
  let byId = metricsByDefinition.get(definition);
  if (!byId) {
    byId = new Map();
    metricsByDefinition.set(definition, byId);
  }
  let metrics = byId.get(id);
  if (!metrics) {
    metrics = findActivityMetrics(id, definition);
    byId.set(id, metrics);
  }
  return metrics;
}

function findActivityMetrics(id: string, definition: AchievementDefinition): ActivityMetric[] {
  const found: ActivityMetric[] = [];
  const walk = (c: Criterion | Metric, path: number[]) => {
    if (c.kind === 'all' || c.kind === 'any') {
      c.of.forEach((child, i) => {
        walk(child, [...path, i]);
      });
    } else if (c.kind === 'activity') {
      found.push({ key: criterionKey(id, path), metric: c });
    }
  };
  walk(definition.kind === 'tiered' ? definition.metric : definition.criterion, []);
  return found;
}

const add = (tally: Record<string, number>, key: string) => ({ ...tally, [key]: (tally[key] ?? 0) + 1 });

/**
 * The tallies after one applied activity. Counts cover every activity type,
 * so an achievement added to the rules later is judged on the whole history.
 * A subject counts when this award wrote its once-per-subject marker: the
 * store's condition on that marker is what makes subjects distinct.
 */
export function tally(
  rules: Rules,
  progress: AchievementProgress,
  draft: Draft,
  activity: Activity,
): AchievementProgress {
  const firstForSubject = draft.markers.some(
    (m) =>
      m.kind === 'once_per_subject' && m.activityType === activity.type && m.subjectId === activity.subjectId,
  );
  let matches = progress.matches;
  for (const [id, definition] of Object.entries(rules.achievements)) {
    // Matches of a finished achievement can no longer change anything; keep the item small.
    if (isFinished(definition, timesEarned(progress, id))) continue;
    for (const { key, metric } of activityMetrics(id, definition)) {
      if (matchesActivity(metric, activity, draft.profile.timeZone)) matches = add(matches, key);
    }
  }
  return {
    ...progress,
    counts: add(progress.counts, activity.type),
    subjects: firstForSubject ? add(progress.subjects, activity.type) : progress.subjects,
    matches,
  };
}
