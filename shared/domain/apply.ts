import type { Rules } from '../rules/schema';
import { activityChecks, contextFor } from './activity-checks';
import { countAward, isCounted } from './counters';
import { ValidationError } from './errors';
import { multiplierFor, multiply } from './multipliers';
import { refuse } from './refusal';
import { settle } from './settle';
import type { Activity, ApplyFacts, Marker, Outcome, Profile } from './types';

/** Guards against a variable award's floating product landing a hair below a whole number. */
const FLOOR_EPSILON = 1e-6;

/**
 * Applies one activity to a profile: checks (first refusal wins) -> award
 * (base, multiplier) -> counters and markers -> settle (totals, ledger,
 * evaluators, events). Pure: `now` and the facts the store read are arguments.
 */
export function apply(
  rules: Rules,
  profile: Profile,
  activity: Activity,
  now: Date,
  facts: ApplyFacts = {},
): Outcome {
  if (activity.userId !== profile.userId) {
    throw new Error(`activity for ${activity.userId} applied to the profile of ${profile.userId}`);
  }
  if (Number.isNaN(Date.parse(activity.occurredAt))) {
    throw new ValidationError([{ field: 'occurred_at', message: 'not a valid date-time' }]);
  }
  // hasOwn: an activity_type such as "constructor" must not find Object's prototype.
  const definition = Object.hasOwn(rules.activities, activity.type)
    ? rules.activities[activity.type]
    : undefined;
  if (!definition) {
    return refuse(activity, 'unknown_activity', `unknown activity_type ${activity.type}`);
  }

  const ctx = contextFor(rules, profile, activity, definition, now, facts);
  for (const check of activityChecks) {
    const refusal = check(ctx);
    if (refusal) return refusal;
  }

  const variable = definition.variable;
  const baseXp = variable ? (activity.amount ?? 0) : definition.xp;
  const baseCoins = variable ? Math.floor(baseXp * variable.coins_per_xp + FLOOR_EPSILON) : definition.coins;
  const multiplier = multiplierFor(rules, profile.vipTier, profile.level);
  const markers: Marker[] =
    definition.first_time_per_subject && activity.subjectId !== undefined
      ? [{ kind: 'once_per_subject', activityType: activity.type, subjectId: activity.subjectId }]
      : [];

  return settle(
    rules,
    profile,
    {
      eventId: activity.eventId,
      entry: {
        kind: 'activity',
        activityType: activity.type,
        ...(activity.subjectId !== undefined && { subjectId: activity.subjectId }),
        reason: definition.description,
        baseXp,
        baseCoins,
        multiplier,
        xp: multiply(baseXp, multiplier),
        coins: multiply(baseCoins, multiplier),
        occurredAt: ctx.occurredAt.toISOString(),
      },
      counters: isCounted(definition)
        ? countAward(profile, activity.type, definition, ctx.occurredAt, rules.limits.max_event_age_hours)
        : profile.counters,
      markers,
      activity,
    },
    now,
  );
}
