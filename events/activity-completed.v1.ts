import * as z from 'zod';
import type { Activity } from '../shared/domain/types';

/**
 * Inbound contract: a product service reports something a user did. The same
 * JSON arrives as an EventBridge `detail` or as the body of
 * POST /v1/internal/activities, so both edges validate with this one schema.
 */

export const detailType = 'activity.completed';
export const version = 1;

/**
 * An id (event, subject, a user's own key) of 1 to `max` letters, digits and
 * `_ . : -`: one rule, one message, whatever the length limit.
 */
export const idSchema = (max: number) =>
  z
    .string()
    .regex(new RegExp(`^[A-Za-z0-9_.:-]{1,${max}}$`), `1-${max} characters of letters, digits, _ . : -`);

const METADATA_MAX_BYTES = 4096;

const utf8 = new TextEncoder();

const identifier = idSchema(128);
/**
 * The shape of every user id, across the API and the event contracts:
 * identifiers that may also hold `|`: the token subject is the
 * user id, and OIDC issuers such as Auth0 write subjects as
 * `<connection>|<id>` (`auth0|5f7c...`, `google-oauth2|1042...`).
 */
const USER_ID_PATTERN = /^[A-Za-z0-9_.:|-]{1,128}$/;
export const userIdSchema = z
  .string()
  .regex(USER_ID_PATTERN, '1-128 characters of letters, digits, _ . : - |');

const metadata = z
  .record(z.string(), z.unknown())
  .refine((value) => utf8.encode(JSON.stringify(value)).length <= METADATA_MAX_BYTES, {
    message: `must serialize to at most ${METADATA_MAX_BYTES} bytes of JSON`,
  });

/** Event ids Questline makes itself: a rules backfill's grants (shared/domain/replay/backfill.ts). */
const RESERVED_EVENT_ID_PREFIX = 'backfill:';

const eventId = identifier.refine((id) => !id.startsWith(RESERVED_EVENT_ID_PREFIX), {
  message: `must not start with ${RESERVED_EVENT_ID_PREFIX}, which Questline's own grants use`,
});

export const activityInputSchema = z
  .object({
    event_id: eventId,
    user_id: userIdSchema,
    activity_type: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower snake_case, 2-48 characters, starting with a letter'),
    occurred_at: z.iso.datetime({
      offset: true,
      message: 'an ISO 8601 date-time with a time zone, e.g. 2026-01-31T09:30:00Z',
    }),
    subject_id: identifier.optional(),
    amount: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1_000_000, 'must be at most 1000000')
      .optional(),
    metadata: metadata.optional(),
  })
  .strict();

export type ActivityInput = z.infer<typeof activityInputSchema>;

/**
 * Maps the snake_case contract to the domain's Activity. `occurredAt` is
 * normalized to UTC so that cap windows and ledger ordering compare instants,
 * not strings written with different offsets.
 */
export function toActivity(input: ActivityInput): Activity {
  const activity: Activity = {
    eventId: input.event_id,
    userId: input.user_id,
    type: input.activity_type,
    occurredAt: new Date(input.occurred_at).toISOString(),
  };
  if (input.subject_id !== undefined) activity.subjectId = input.subject_id;
  if (input.amount !== undefined) activity.amount = input.amount;
  if (input.metadata !== undefined) activity.metadata = input.metadata;
  return activity;
}
