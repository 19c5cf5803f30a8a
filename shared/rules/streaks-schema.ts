import * as z from 'zod';

/**
 * The streak part of the rules: streak types, grace, freezes,
 * milestones and the streak multiplier. Owned by the streak evaluator in
 * shared/domain/streaks/.
 */

const streakTypeCode = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower snake_case, 2-48 characters');

export const streakTypeSchema = z
  .object({
    description: z.string().min(1).max(200),
    /** "any" counts every applied activity; otherwise the activity codes that count */
    activities: z.union([z.literal('any'), z.array(z.string().min(1)).min(1)]),
    /** wall-clock hours past local midnight that still count for the previous day */
    grace_hours: z.number().int().min(0).max(6).default(0),
    /** a missed day may consume a freeze token instead of breaking this streak */
    freezable: z.boolean().default(true),
  })
  .strict();

const streakMilestoneSchema = z
  .object({
    days: z.number().int().min(2).max(3650),
    xp: z.number().int().min(0).max(100_000),
    coins: z.number().int().min(0).max(100_000),
  })
  .strict();

const multiplierStepSchema = z
  .object({
    from_days: z.number().int().min(1).max(3650),
    factor: z.number().min(1).max(3),
  })
  .strict();

export const streakRulesSchema = z
  .object({
    types: z
      .record(streakTypeCode, streakTypeSchema)
      .refine((t) => Object.keys(t).length > 0, 'at least one streak type is required'),
    freezes: z
      .object({
        /** tokens a new user holds */
        initial: z.number().int().min(0).max(100),
        /** tokens held never exceed this (refills and purchases stop here) */
        max: z.number().int().min(0).max(100),
        /** tokens added once per user-local calendar month, by VIP tier */
        vip_monthly_refill: z
          .object({ standard: z.number().int().min(0).max(100), premium: z.number().int().min(0).max(100) })
          .strict(),
        /** shop price of one token; 0 means freezes are not for sale */
        price_coins: z.number().int().min(0).max(1_000_000),
      })
      .strict(),
    /** bonus paid once per streak run when the run reaches `days` */
    milestones: z.array(streakMilestoneSchema).max(20),
    multiplier: z
      .object({
        /** the streak type whose current length sets the factor */
        streak_type: streakTypeCode,
        /** ascending; the last step reached applies */
        steps: z.array(multiplierStepSchema).max(20),
      })
      .strict(),
    /** local hour (0-23) from which a streak not yet kept today is at risk */
    at_risk_hour: z.number().int().min(0).max(23),
  })
  .strict();

export type StreakRules = z.output<typeof streakRulesSchema>;
export type StreakTypeRule = z.output<typeof streakTypeSchema>;
export type StreakMilestone = z.output<typeof streakMilestoneSchema>;

/** Cross-field checks that need the whole rules document (e.g. activity codes exist). */
export function checkStreakReferences(
  rules: { activities: Record<string, unknown>; streaks?: StreakRules },
  ctx: z.RefinementCtx,
): void {
  const streaks = rules.streaks;
  if (!streaks) return;
  for (const [code, type] of Object.entries(streaks.types)) {
    if (type.activities === 'any') continue;
    type.activities.forEach((activity, i) => {
      if (!Object.hasOwn(rules.activities, activity)) {
        ctx.addIssue({
          code: 'custom',
          path: ['streaks', 'types', code, 'activities', i],
          message: `unknown activity ${activity}`,
        });
      }
    });
  }
  if (streaks.freezes.initial > streaks.freezes.max) {
    ctx.addIssue({
      code: 'custom',
      path: ['streaks', 'freezes', 'initial'],
      message: 'cannot exceed freezes.max',
    });
  }
  if (!Object.hasOwn(streaks.types, streaks.multiplier.streak_type)) {
    ctx.addIssue({
      code: 'custom',
      path: ['streaks', 'multiplier', 'streak_type'],
      message: `unknown streak type ${streaks.multiplier.streak_type}`,
    });
  }
  rising(
    streaks.milestones.map((m) => m.days),
    ['streaks', 'milestones'],
    'days',
    ctx,
  );
  rising(
    streaks.multiplier.steps.map((s) => s.from_days),
    ['streaks', 'multiplier', 'steps'],
    'from_days',
    ctx,
  );
  streaks.multiplier.steps.forEach((step, i) => {
    const previous = streaks.multiplier.steps[i - 1];
    if (previous && step.factor < previous.factor) {
      ctx.addIssue({
        code: 'custom',
        path: ['streaks', 'multiplier', 'steps', i, 'factor'],
        message: 'factors cannot fall as the streak grows',
      });
    }
  });
}

function rising(values: number[], path: (string | number)[], field: string, ctx: z.RefinementCtx): void {
  values.forEach((value, i) => {
    const previous = values[i - 1];
    if (previous !== undefined && value <= previous) {
      ctx.addIssue({ code: 'custom', path: [...path, i, field], message: `${field} must rise` });
    }
  });
}
