import * as z from 'zod';
import type { Activity } from '../../domain/types';
import { parseItem } from './items';
import { jsonString } from './json-attribute';
import { eventIdOf, userIdOf } from './keys';

/**
 * The inputs an activity was applied with, kept on its event item beside
 * the entry (which already has the type, the subject and the instant): the
 * `amount` of a variable activity and the `metadata` the evaluators read.
 * With them a replay of the past (a what-if of new rules, a backfill) feeds
 * the domain exactly what it was fed. Absent when the activity had none, so
 * the common case's item does not grow.
 */
export const appliedInputFields = {
  amount: z.number().int().optional(),
  metadata: jsonString(z.record(z.string(), z.unknown())).optional(),
};

export function appliedInputAttributes(activity: Activity | undefined): {
  amount?: number;
  metadata?: string;
} {
  return {
    ...(activity?.amount !== undefined && { amount: activity.amount }),
    ...(activity?.metadata !== undefined && { metadata: JSON.stringify(activity.metadata) }),
  };
}

const appliedActivitySchema = z.object({
  pk: z.string(),
  sk: z.string(),
  kind: z.string(),
  activity_type: z.string().min(1).optional(),
  subject_id: z.string().min(1).optional(),
  occurred_at: z.string(),
  ...appliedInputFields,
});

/** The activity an event item recorded, as it was applied; null for adjustments and purchases. */
export function appliedActivityOf(item: Record<string, unknown>): Activity | null {
  const parsed = parseItem(appliedActivitySchema, item);
  if (parsed.kind !== 'activity' || parsed.activity_type === undefined) return null;
  return {
    eventId: eventIdOf(parsed.sk),
    userId: userIdOf(parsed.pk),
    type: parsed.activity_type,
    occurredAt: parsed.occurred_at,
    ...(parsed.subject_id !== undefined && { subjectId: parsed.subject_id }),
    ...(parsed.amount !== undefined && { amount: parsed.amount }),
    ...(parsed.metadata !== undefined && { metadata: parsed.metadata }),
  };
}
