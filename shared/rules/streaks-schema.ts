import * as z from 'zod';

/**
 * The streak part of the rules (issue 3): streak types, grace, freezes,
 * milestones and the streak multiplier. Owned by the streak evaluator in
 * shared/domain/streaks/.
 */
export const streakRulesSchema = z.object({}).strict();

export type StreakRules = z.output<typeof streakRulesSchema>;

/** Cross-field checks that need the whole rules document (e.g. activity codes exist). */
export function checkStreakReferences(
  _rules: { activities: Record<string, unknown>; streaks?: StreakRules },
  _ctx: z.RefinementCtx,
): void {}
