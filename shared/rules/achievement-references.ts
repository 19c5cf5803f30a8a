import type * as z from 'zod';
import { type AchievementRules, type Criterion, type Metric, tierNames } from './achievements-schema';

/** Checks of the achievements section that need the whole rules document: activity and streak codes exist. */

type Issue = { path: (string | number)[]; message: string };

/** Codes of the streak types the streaks section declares, when it declares any. */
function streakCodes(streaks: unknown): Set<string> | null {
  const types = (streaks as { types?: unknown } | undefined)?.types;
  return types && typeof types === 'object' ? new Set(Object.keys(types)) : null;
}

function checkMetric(m: Metric, path: (string | number)[], ctx: CheckContext, issues: Issue[]): void {
  if (
    (m.kind === 'count' || m.kind === 'distinct_subjects' || m.kind === 'activity') &&
    m.activity !== undefined
  ) {
    const definition = ctx.activities[m.activity] as { first_time_per_subject?: boolean } | undefined;
    if (!Object.hasOwn(ctx.activities, m.activity)) {
      issues.push({ path: [...path, 'activity'], message: `unknown activity type ${m.activity}` });
    } else if (m.kind === 'distinct_subjects' && !definition?.first_time_per_subject) {
      // Distinctness comes from the once-per-subject marker; without it a subject could count twice.
      issues.push({ path: [...path, 'activity'], message: `${m.activity} is not first_time_per_subject` });
    }
  }
  if (m.kind === 'streak' && ctx.streaks && !ctx.streaks.has(m.streak)) {
    issues.push({ path: [...path, 'streak'], message: `unknown streak type ${m.streak}` });
  }
}

interface CheckContext {
  activities: Record<string, unknown>;
  streaks: Set<string> | null;
}

function checkCriterion(c: Criterion, path: (string | number)[], ctx: CheckContext, issues: Issue[]): void {
  if (c.kind === 'all' || c.kind === 'any') {
    c.of.forEach((child, i) => {
      checkCriterion(child, [...path, 'of', i], ctx, issues);
    });
  } else {
    checkMetric(c, path, ctx, issues);
  }
}

/** Cross-field checks that need the whole rules document (activity and streak codes exist). */
export function checkAchievementReferences(
  rules: { activities: Record<string, unknown>; streaks?: unknown; achievements?: AchievementRules },
  ctx: z.RefinementCtx,
): void {
  const issues: Issue[] = [];
  const context = { activities: rules.activities, streaks: streakCodes(rules.streaks) };
  for (const [id, a] of Object.entries(rules.achievements ?? {})) {
    const at = ['achievements', id];
    if (a.kind === 'tiered') {
      checkMetric(a.metric, [...at, 'metric'], context, issues);
      a.tiers.forEach((t, i) => {
        const previous = a.tiers[i - 1];
        if (
          previous &&
          (t.min <= previous.min || tierNames.indexOf(t.tier) <= tierNames.indexOf(previous.tier))
        ) {
          issues.push({
            path: [...at, 'tiers', i],
            message: 'tiers must rise: bronze, silver, gold, platinum at rising min',
          });
        }
      });
    } else {
      checkCriterion(a.criterion, [...at, 'criterion'], context, issues);
    }
    if (a.kind === 'repeatable' && (a.criterion.kind === 'level' || a.criterion.kind === 'streak')) {
      // A repeat is earned per `min` of a metric that only grows; levels and streaks are not sums.
      issues.push({
        path: [...at, 'criterion', 'kind'],
        message: 'repeatable needs count, distinct_subjects, total_xp or activity',
      });
    }
  }
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}
