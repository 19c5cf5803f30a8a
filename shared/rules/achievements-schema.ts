import * as z from 'zod';

/**
 * The achievement part of the rules (issue 3): declarative criteria, kinds,
 * tiers, rewards. Owned by the achievement evaluator in
 * shared/domain/achievements/.
 */
export const achievementRulesSchema = z.array(z.never()).default([]);

export type AchievementRules = z.output<typeof achievementRulesSchema>;

/** Cross-field checks that need the whole rules document (activity and streak codes exist). */
export function checkAchievementReferences(
  _rules: { activities: Record<string, unknown>; achievements?: AchievementRules },
  _ctx: z.RefinementCtx,
): void {}
