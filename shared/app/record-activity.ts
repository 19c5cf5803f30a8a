import { apply } from '../domain/apply';
import { RuleRefusedError } from '../domain/errors';
import type { Activity } from '../domain/types';
import { makeApplyOnce, type RecordResult } from './apply-once';
import type { AppDeps } from './deps';

/**
 * Records one activity: awards XP and coins by the rules, once per event id.
 * Throws RuleRefusedError when the rules refuse it (nothing is written) and
 * ContentionError when concurrent writes for the user outlast the retry budget.
 */
export function makeRecordActivity(deps: AppDeps): (activity: Activity) => Promise<RecordResult> {
  const applyOnce = makeApplyOnce(deps);
  return async (activity) => {
    const definition = Object.hasOwn(deps.rules.activities, activity.type)
      ? deps.rules.activities[activity.type]
      : undefined;
    // The marker is read only where the rules consult it.
    const subject =
      definition?.first_time_per_subject && activity.subjectId !== undefined
        ? { activityType: activity.type, subjectId: activity.subjectId }
        : undefined;
    try {
      return await applyOnce({
        userId: activity.userId,
        eventId: activity.eventId,
        subject,
        decide: (profile, now, state) =>
          apply(deps.rules, profile, activity, now, { subjectAlreadyDone: state.subjectAlreadyDone }),
        sameRequest: ({ entry }) =>
          entry.kind === 'activity' &&
          entry.activityType === activity.type &&
          entry.subjectId === activity.subjectId,
      });
    } catch (error) {
      if (error instanceof RuleRefusedError) deps.metrics?.count('ActivitiesRefused', 1, error.code);
      throw error;
    }
  };
}
