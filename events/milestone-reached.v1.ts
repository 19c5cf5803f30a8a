import * as z from 'zod';

/** One per XP milestone crossed; starts the scene workflow for the new scene level. */

export const detailType = 'milestone.reached';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    event_id: z.string().min(1),
    scene_level: z.number().int().min(1).max(6),
    milestone_xp: z.number().int().min(1),
    description: z.string().min(1),
    total_xp: z.number().int().min(0),
  })
  .strict();

export type MilestoneReached = z.infer<typeof schema>;
