import * as z from 'zod';
import { checkAchievementReferences } from './achievement-references';
import { achievementRulesSchema } from './achievements-schema';
import { checkInboundReferences, inboundEventsSchema } from './inbound-schema';
import { checkLeaderboardReferences, leaderboardsSchema } from './leaderboards-schema';
import { checkShopReferences } from './shop-references';
import { shopRulesSchema } from './shop-schema';
import { checkStreakReferences, streakRulesSchema } from './streaks-schema';

/**
 * The game configuration. One schema, validated at synth, at cold start and by
 * `npm run rules:check`. Every number that shapes the economy is bounded here so
 * that a typo in a rules file fails loudly instead of minting a million coins.
 */

const activityCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower snake_case, 2-48 characters, starting with a letter');

const whole = (max: number) => z.number().int().min(0).max(max);

/** An activity whose XP is sent with the activity (`amount`), e.g. `custom`. */
const variableAmount = z
  .object({
    max_xp: z.number().int().min(1).max(100_000),
    /** coins awarded per XP point, rounded down */
    coins_per_xp: z.number().min(0).max(10),
  })
  .strict();

export const activityDefinitionSchema = z
  .object({
    description: z.string().min(1).max(200),
    xp: whole(100_000),
    coins: whole(100_000),
    /** when set, the activity must carry `amount` and XP comes from it (bounded) */
    variable: variableAmount.optional(),
    /** award only the first time per `subject_id`; the activity must carry one */
    first_time_per_subject: z.boolean().default(false),
    /** award at most once per user-local day */
    once_per_day: z.boolean().default(false),
    caps: z
      .object({
        per_hour: z.number().int().min(1).max(10_000).optional(),
        per_day: z.number().int().min(1).max(100_000).optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .refine(
    (a) => a.caps.per_hour === undefined || a.caps.per_day === undefined || a.caps.per_hour <= a.caps.per_day,
    {
      message: 'caps.per_hour cannot exceed caps.per_day',
      path: ['caps', 'per_hour'],
    },
  );

export const levelCurveSchema = z
  .object({
    /** XP needed to go from level 1 to level 2 */
    base_xp: z.number().int().min(1).max(1_000_000),
    /** each level needs `growth` times the XP of the previous one */
    growth: z.number().min(1).max(2),
    max_level: z.number().int().min(2).max(1000),
  })
  .strict();

export const titleBandSchema = z
  .object({
    from_level: z.number().int().min(1),
    to_level: z.number().int().min(1),
    title: z.string().min(1).max(40),
  })
  .strict();

export const milestoneSchema = z
  .object({
    scene_level: z.number().int().min(1).max(6),
    xp: z.number().int().min(1).max(100_000_000),
    description: z.string().min(1).max(200),
  })
  .strict();

export const multipliersSchema = z
  .object({
    vip: z
      .object({
        standard: z.number().min(1).max(5),
        premium: z.number().min(1).max(5),
      })
      .strict(),
    level_bonus: z
      .object({
        /** added to the multiplier for each level above 1 */
        per_level: z.number().min(0).max(0.1),
        /** the level bonus never adds more than this */
        max: z.number().min(0).max(1),
      })
      .strict(),
    /** the product of all multipliers is clamped to this */
    max_total: z.number().min(1).max(10),
  })
  .strict();

export const limitsSchema = z
  .object({
    /** activities older than this are refused (late events stay bounded) */
    max_event_age_hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    /** clock skew tolerated for activities dated in the future */
    max_future_skew_seconds: z.number().int().min(0).max(3600),
    /** one adjustment may not move more than this */
    max_adjustment: z.number().int().min(1).max(10_000_000),
  })
  .strict();

export const rulesSchema = z
  .object({
    version: z.literal(1),
    /** the operator's name for this rules version (the version itself is a hash: shared/rules/version.ts) */
    label: z.string().trim().min(1).max(80).optional(),
    activities: z
      .record(activityCode, activityDefinitionSchema)
      .refine((a) => Object.keys(a).length > 0, 'at least one activity is required'),
    levels: levelCurveSchema,
    titles: z.array(titleBandSchema).min(1),
    milestones: z.array(milestoneSchema).max(6),
    multipliers: multipliersSchema,
    limits: limitsSchema,
    streaks: streakRulesSchema,
    achievements: achievementRulesSchema,
    shop: shopRulesSchema,
    inbound_events: inboundEventsSchema,
    leaderboards: leaderboardsSchema,
  })
  .strict()
  .superRefine((rules, ctx) => {
    checkCurveFits(rules.levels, ctx);
    checkStreakReferences(rules, ctx);
    checkAchievementReferences(rules, ctx);
    checkShopReferences(rules, ctx);
    checkInboundReferences(rules, ctx);
    checkLeaderboardReferences(rules, ctx);
    checkTitleBands(rules.titles, rules.levels.max_level, ctx);
    checkMilestones(rules.milestones, ctx);
    const vip = rules.multipliers.vip;
    if (vip.premium < vip.standard) {
      ctx.addIssue({
        code: 'custom',
        path: ['multipliers', 'vip', 'premium'],
        message: 'premium cannot be below standard',
      });
    }
  });

/** XP totals are plain numbers: the XP to reach max_level must stay an exact integer. */
function checkCurveFits(curve: z.infer<typeof levelCurveSchema>, ctx: z.RefinementCtx) {
  let total = 0;
  for (let level = 1; level < curve.max_level; level += 1) {
    total += Math.round(curve.base_xp * curve.growth ** (level - 1));
    if (total > Number.MAX_SAFE_INTEGER) {
      ctx.addIssue({
        code: 'custom',
        path: ['levels', 'max_level'],
        message: `the curve needs more XP than can be counted exactly before level ${level + 1}; lower max_level or growth`,
      });
      return;
    }
  }
}

/** Title bands must cover 1..max_level exactly once, in order. */
function checkTitleBands(titles: z.infer<typeof titleBandSchema>[], maxLevel: number, ctx: z.RefinementCtx) {
  let expected = 1;
  titles.forEach((band, i) => {
    if (band.from_level !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['titles', i, 'from_level'],
        message: `expected ${expected}: bands must cover every level from 1 without gaps or overlaps`,
      });
    }
    if (band.to_level < band.from_level) {
      ctx.addIssue({
        code: 'custom',
        path: ['titles', i, 'to_level'],
        message: 'to_level is below from_level',
      });
    }
    expected = band.to_level + 1;
  });
  if (expected !== maxLevel + 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['titles', titles.length - 1, 'to_level'],
      message: `the last band must end at levels.max_level (${maxLevel})`,
    });
  }
}

/** Milestones raise the scene level one step at a time, at rising XP. */
function checkMilestones(milestones: z.infer<typeof milestoneSchema>[], ctx: z.RefinementCtx) {
  milestones.forEach((m, i) => {
    if (m.scene_level !== i + 1) {
      ctx.addIssue({ code: 'custom', path: ['milestones', i, 'scene_level'], message: `expected ${i + 1}` });
    }
    const previous = milestones[i - 1];
    if (previous && m.xp <= previous.xp) {
      ctx.addIssue({ code: 'custom', path: ['milestones', i, 'xp'], message: 'milestone XP must rise' });
    }
  });
}

export type RulesInput = z.input<typeof rulesSchema>;
export type Rules = z.output<typeof rulesSchema>;
export type ActivityDefinition = z.output<typeof activityDefinitionSchema>;
export type LevelCurve = z.output<typeof levelCurveSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
