import * as z from 'zod';

/** One per level gained: a big award spanning several levels publishes several. */

export const detailType = 'level.up';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    event_id: z.string().min(1),
    level: z.number().int().min(2),
    previous_level: z.number().int().min(1),
    title: z.string().min(1),
    /** true when this level starts a new title band */
    title_changed: z.boolean(),
    total_xp: z.number().int().min(0),
  })
  .strict();

export type LevelUp = z.infer<typeof schema>;
