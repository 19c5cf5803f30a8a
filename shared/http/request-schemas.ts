import * as z from 'zod';
import { activityInputSchema, userIdSchema } from '../../events/activity-completed.v1';
import { DISPLAY_NAME_MAX } from '../domain/display-name';
import { hasUnshowableCharacters } from '../domain/shown-text';
import type { Adjustment } from '../domain/types';

/**
 * Request schemas: the handlers parse with these and the OpenAPI document is
 * generated from them, so the two cannot disagree.
 */

export { activityInputSchema as recordActivityBodySchema };

/** The largest amount any rules file may allow (limits.max_adjustment's own bound). */
const MAX_ADJUSTMENT = 10_000_000;

const adjustmentAmount = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be at least 0; use direction to deduct')
  .max(MAX_ADJUSTMENT, `must be at most ${MAX_ADJUSTMENT}`)
  .optional();

export const adjustmentBodySchema = z
  .object({
    event_id: activityInputSchema.shape.event_id,
    direction: z.enum(['grant', 'deduct']),
    xp: adjustmentAmount,
    coins: adjustmentAmount,
    reason: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  })
  .strict()
  .refine((body) => (body.xp ?? 0) > 0 || (body.coins ?? 0) > 0, {
    message: 'at least one of xp or coins must be above 0',
    path: ['xp'],
    // Only meaningful once the amounts themselves are valid; otherwise it repeats their error.
    when: (payload) => payload.issues.length === 0,
  });

export type AdjustmentBody = z.output<typeof adjustmentBodySchema>;

/** The body speaks in unsigned amounts and a direction; the domain in signed amounts. */
export function toAdjustment(userId: string, body: AdjustmentBody): Adjustment {
  const sign = body.direction === 'grant' ? 1 : -1;
  const signed = (amount: number | undefined) => (amount ? sign * amount : 0);
  return {
    eventId: body.event_id,
    userId,
    xp: signed(body.xp),
    coins: signed(body.coins),
    reason: body.reason,
  };
}

export const userPathSchema = z.object({ id: userIdSchema }).strict();

export const updateUserBodySchema = z
  .object({
    vip_tier: z.enum(['none', 'standard', 'premium']).optional(),
    time_zone: z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .describe('an IANA time zone name, e.g. Europe/Madrid')
      .optional(),
    display_name: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(DISPLAY_NAME_MAX, `must be at most ${DISPLAY_NAME_MAX} characters`)
      .refine(
        (name) => !hasUnshowableCharacters(name),
        'must not contain control, private-use or bidirectional characters',
      )
      .nullable()
      .describe('the name shown on public leaderboards, trimmed; null clears it')
      .optional(),
    leaderboard_visible: z
      .boolean()
      .describe('false: leave the public leaderboards; true: join them again')
      .optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'set at least one of vip_tier, time_zone, display_name or leaderboard_visible',
  })
  .meta({ minProperties: 1 });

export type UpdateUserBody = z.output<typeof updateUserBodySchema>;

/** A page of a newest-first list: at most `limit` items after `cursor`. */
export const pageQuerySchema = z
  .object({
    limit: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .default(20),
    cursor: z.string().min(1).max(2048, 'must be at most 2048 characters').optional(),
  })
  .strict();

export const historyQuerySchema = pageQuerySchema;
