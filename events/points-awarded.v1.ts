import * as z from 'zod';

/** Published for every applied activity or adjustment: what changed and the totals after. */

export const detailType = 'points.awarded';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    /** the activity's, adjustment's or purchase's event id */
    event_id: z.string().min(1),
    /** purchase: coins spent in the shop (coins negative, xp 0) */
    kind: z.enum(['activity', 'adjustment', 'purchase']),
    /** present for activities */
    activity_type: z.string().min(1).optional(),
    subject_id: z.string().min(1).optional(),
    reason: z.string(),
    /** signed: adjustments may deduct */
    xp: z.number().int(),
    coins: z.number().int(),
    total_xp: z.number().int().min(0),
    total_coins: z.number().int().min(0),
    level: z.number().int().min(1),
    multiplier: z.number().min(1),
    occurred_at: z.iso.datetime({ offset: true }),
  })
  .strict();

export type PointsAwarded = z.infer<typeof schema>;
