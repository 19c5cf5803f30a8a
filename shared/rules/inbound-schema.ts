import * as z from 'zod';
import { detailType as ACTIVITY_COMPLETED } from '../../events/activity-completed.v1';
import defaultInbound from './default-inbound.json';

/**
 * `inbound_events`: which EventBridge detail-types, besides
 * `activity.completed`, Questline accepts from other services, and the
 * activity each one records. The product's existing services emit their own
 * event names (user_action, story_completion, ...); mapping them here lets
 * them feed Questline without changing what they send. A rules document
 * without the key gets the shipped map (default-inbound.json); one that sets
 * `inbound_events: {}` accepts `activity.completed` only.
 */

/** EventBridge allows any detail-type up to 128 characters; the rules keep to a plain, readable subset. */
const eventName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/,
    '1-128 characters of letters, digits, _ . : -, starting with a letter',
  )
  .refine((name) => name !== ACTIVITY_COMPLETED, {
    message: `${ACTIVITY_COMPLETED} is always accepted as is and cannot be mapped`,
  });

const activityCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower snake_case, 2-48 characters, starting with a letter');

export const inboundEventSchema = z
  .object({
    /** the activity (a key of `activities`) an event of this name records */
    activity_type: activityCode,
  })
  .strict();

const inboundEventsObject = z.record(eventName, inboundEventSchema);

export const inboundEventsSchema = inboundEventsObject.prefault(
  () => defaultInboundEvents() as z.input<typeof inboundEventsObject>,
);

/** The shipped map, as a rules document's `inbound_events` value. */
export function defaultInboundEvents(): Record<string, { activity_type: string }> {
  return structuredClone(defaultInbound);
}

export type InboundEvents = z.output<typeof inboundEventsSchema>;

/** Every mapped activity exists, or an event of that name could only ever be refused. */
export function checkInboundReferences(
  rules: { activities: Record<string, unknown>; inbound_events?: InboundEvents },
  ctx: z.RefinementCtx,
): void {
  for (const [name, mapping] of Object.entries(rules.inbound_events ?? {})) {
    if (!Object.hasOwn(rules.activities, mapping.activity_type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['inbound_events', name, 'activity_type'],
        message: `unknown activity ${mapping.activity_type}`,
      });
    }
  }
}
