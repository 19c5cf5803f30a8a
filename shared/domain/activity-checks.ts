import type { ActivityDefinition, Rules } from '../rules/schema';
import { countsIn, type Windows, windowsFor } from './counters';
import { refuse } from './refusal';
import type { Activity, ApplyFacts, Profile, RefusedOutcome } from './types';

/** What every check of one activity may look at. */
export interface ActivityContext {
  rules: Rules;
  profile: Profile;
  activity: Activity;
  definition: ActivityDefinition;
  occurredAt: Date;
  windows: Windows;
  now: Date;
  facts: ApplyFacts;
}

/** A check returns a refusal, or null to let the activity through. */
export type ActivityCheck = (ctx: ActivityContext) => RefusedOutcome | null;

export function contextFor(
  rules: Rules,
  profile: Profile,
  activity: Activity,
  definition: ActivityDefinition,
  now: Date,
  facts: ApplyFacts,
): ActivityContext {
  const occurredAt = new Date(activity.occurredAt);
  return {
    rules,
    profile,
    activity,
    definition,
    occurredAt,
    windows: windowsFor(occurredAt, profile.timeZone),
    now,
    facts,
  };
}

const eventWindow: ActivityCheck = ({ rules, activity, occurredAt, now }) => {
  const { max_event_age_hours: maxAge, max_future_skew_seconds: skew } = rules.limits;
  const age = now.getTime() - occurredAt.getTime();
  if (age > maxAge * 3_600_000) {
    return refuse(activity, 'event_too_old', `occurred_at is more than ${maxAge} hours in the past`);
  }
  if (-age > skew * 1000) {
    return refuse(activity, 'event_in_future', `occurred_at is more than ${skew} seconds in the future`);
  }
  return null;
};

const amountRule: ActivityCheck = ({ activity, definition }) => {
  const { variable } = definition;
  if (!variable) {
    return activity.amount === undefined
      ? null
      : refuse(activity, 'amount_not_allowed', `${activity.type} has a fixed award; do not send amount`);
  }
  if (activity.amount === undefined) {
    return refuse(activity, 'amount_required', `${activity.type} needs an amount (1..${variable.max_xp})`);
  }
  if (!Number.isInteger(activity.amount) || activity.amount < 1 || activity.amount > variable.max_xp) {
    return refuse(
      activity,
      'amount_not_allowed',
      `amount for ${activity.type} must be a whole number from 1 to ${variable.max_xp}`,
    );
  }
  return null;
};

const subjectRule: ActivityCheck = ({ activity, definition, facts }) => {
  if (!definition.first_time_per_subject) return null;
  if (activity.subjectId === undefined) {
    return refuse(activity, 'subject_required', `${activity.type} needs a subject_id`);
  }
  if (facts.subjectAlreadyDone) {
    return refuse(
      activity,
      'already_done_for_subject',
      `${activity.type} was already awarded for subject ${activity.subjectId}`,
    );
  }
  return null;
};

const oncePerDay: ActivityCheck = ({ profile, activity, definition, windows }) => {
  if (!definition.once_per_day) return null;
  if (countsIn(profile, activity.type, windows).day < 1) return null;
  return refuse(
    activity,
    'already_done_today',
    `${activity.type} was already awarded on ${windows.day} (${profile.timeZone})`,
  );
};

const caps: ActivityCheck = ({ profile, activity, definition, windows }) => {
  const counts = countsIn(profile, activity.type, windows);
  const { per_hour: perHour, per_day: perDay } = definition.caps;
  if (perHour !== undefined && counts.hour >= perHour) {
    return refuse(activity, 'cap_reached', `${activity.type} is capped at ${perHour} per hour`);
  }
  if (perDay !== undefined && counts.day >= perDay) {
    return refuse(activity, 'cap_reached', `${activity.type} is capped at ${perDay} per day`);
  }
  return null;
};

/** In order: the first refusal wins, so the cheapest and most telling checks come first. */
export const activityChecks: readonly ActivityCheck[] = [
  eventWindow,
  amountRule,
  subjectRule,
  oncePerDay,
  caps,
];
