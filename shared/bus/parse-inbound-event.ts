import * as z from 'zod';
import {
  detailType as ACTIVITY_COMPLETED,
  activityInputSchema,
  toActivity,
} from '../../events/activity-completed.v1';
import { ValidationError } from '../domain/errors';
import type { Activity } from '../domain/types';
import type { Rules } from '../rules/schema';
import { namedIssues } from '../zod-issues';

/**
 * Turns an event another service put on Questline's bus into the Activity the
 * record-activity use case applies: the bus's edge, pure parsing. The
 * apply-inbound-batch use case applies what this decides an event means.
 *
 * - `activity.completed`: the detail is the POST /v1/internal/activities body, as is.
 * - a name mapped in the rules' `inbound_events` (the seeds' user_action,
 *   story_completion, ...): the same body, but `activity_type` comes from the
 *   map. The detail may leave it out; if it sets it, it must name the mapped
 *   activity. A sender saying `story_completion` with `activity_type:
 *   quiz_completed` is contradicting itself, and picking either one silently
 *   would award something nobody can explain later, so it is refused as invalid.
 * - any other name: refused as invalid (field `detail-type`).
 *
 * Every refusal is a ValidationError naming the fields as they sit in the
 * EventBridge event (`detail.occurred_at`), so the log of a dead-lettered
 * message points at what to fix.
 */

export { ACTIVITY_COMPLETED };

export function toInboundActivity(
  rules: Pick<Rules, 'inbound_events'>,
  detailType: string,
  detail: unknown,
): Activity {
  if (detailType === ACTIVITY_COMPLETED) return parseDetail(detail);
  const mapping = Object.hasOwn(rules.inbound_events, detailType)
    ? rules.inbound_events[detailType]
    : undefined;
  if (!mapping) {
    throw new ValidationError([
      {
        field: 'detail-type',
        message: `unknown event ${detailType}: expected ${ACTIVITY_COMPLETED} or a name in the rules' inbound_events`,
      },
    ]);
  }
  // Not an object: parse as is, so the error reads the same as for activity.completed.
  if (!isPlainObject(detail)) return parseDetail(detail);
  const mapped = mapping.activity_type;
  if (detail.activity_type !== undefined && detail.activity_type !== mapped) {
    throw new ValidationError([
      {
        field: 'detail.activity_type',
        message: `must be ${mapped} (the activity ${detailType} maps to) or absent`,
      },
    ]);
  }
  return parseDetail({ ...detail, activity_type: mapped });
}

/** What the queue handler needs from one EventBridge event, as the SQS target delivers it. */
export interface InboundEvent {
  /** EventBridge's id for the event, for logs; the activity's own id is `activity.eventId` */
  id?: string;
  source?: string;
  detailType: string;
  activity: Activity;
}

/**
 * Only the fields Questline reads; EventBridge adds others (version, account,
 * time, region, resources) and may add more, so unknown keys are let through.
 */
const envelopeSchema = z.object({
  id: z.string().optional(),
  source: z.string().optional(),
  'detail-type': z.string().min(1, 'must name the event'),
  detail: z.unknown(),
});

/** Parses an SQS message body holding one EventBridge event; throws ValidationError when it is unusable. */
export function parseInboundEvent(rules: Pick<Rules, 'inbound_events'>, body: string): InboundEvent {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ValidationError([{ field: 'body', message: `not JSON: ${(error as Error).message}` }]);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new ValidationError(namedIssues(envelope.error, { whole: 'body' }));
  const { id, source, 'detail-type': detailType, detail } = envelope.data;
  const event: InboundEvent = { detailType, activity: toInboundActivity(rules, detailType, detail) };
  if (id !== undefined) event.id = id;
  if (source !== undefined) event.source = source;
  return event;
}

function parseDetail(detail: unknown): Activity {
  const result = activityInputSchema.safeParse(detail);
  if (!result.success)
    throw new ValidationError(namedIssues(result.error, { root: 'detail', whole: 'detail' }));
  return toActivity(result.data);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
