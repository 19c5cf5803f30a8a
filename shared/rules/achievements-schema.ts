import * as z from 'zod';
import defaultCatalog from './default-achievements.json';

/**
 * The achievement part of the rules: declarative criteria, kinds,
 * tiers, rewards. Owned by the achievement evaluator in
 * shared/domain/achievements/. Criteria are data, so a product owner adds a
 * badge without a deploy of code, and an unknown criterion kind fails
 * validation instead of never unlocking.
 */

const code = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower snake_case, 2-48 characters');
const threshold = z.number().int().min(1).max(100_000_000);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00 to 23:59');

export const rewardSchema = z
  .object({ xp: z.number().int().min(0).max(100_000), coins: z.number().int().min(0).max(100_000) })
  .strict();

const metadataCondition = z
  .object({
    field: z.string().min(1).max(64),
    op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']),
    value: z.union([z.number(), z.string().max(200), z.boolean()]),
  })
  .strict();

/** Metrics: the numbers a criterion compares with `min` and a tiered achievement climbs. */
const countMetric = z.object({ kind: z.literal('count'), activity: code }).strict();
const distinctMetric = z.object({ kind: z.literal('distinct_subjects'), activity: code }).strict();
const totalXpMetric = z.object({ kind: z.literal('total_xp') }).strict();
const levelMetric = z.object({ kind: z.literal('level') }).strict();
const streakMetric = z
  .object({
    kind: z.literal('streak'),
    streak: code,
    measure: z.enum(['current', 'longest']).default('longest'),
  })
  .strict();
/** Activities that match filters, counted as they happen: metadata conditions and/or a local time window. */
const activityMetric = z
  .object({
    kind: z.literal('activity'),
    /** absent: any activity type */
    activity: code.optional(),
    where: z.array(metadataCondition).max(5).default([]),
    /** local time in the profile's zone, [from, to); from after to wraps past midnight */
    local_time: z
      .object({ from: clock.default('00:00'), to: clock.optional() })
      .strict()
      .optional(),
  })
  .strict();

const metricOptions = [
  countMetric,
  distinctMetric,
  totalXpMetric,
  levelMetric,
  streakMetric,
  activityMetric,
] as const;
export const metricSchema = z.discriminatedUnion('kind', metricOptions);

const minimum = { min: threshold };
const leafOptions = [
  countMetric.extend(minimum),
  distinctMetric.extend(minimum),
  totalXpMetric.extend(minimum),
  levelMetric.extend(minimum),
  streakMetric.extend(minimum),
  activityMetric.extend({ min: threshold.default(1) }),
] as const;
const leafSchema = z.discriminatedUnion('kind', leafOptions);

export type Metric = z.output<typeof metricSchema>;
export type LeafCriterion = z.output<typeof leafSchema>;
export type Criterion = LeafCriterion | { kind: 'all'; of: Criterion[] } | { kind: 'any'; of: Criterion[] };

type CompositeInput = { kind: 'all' | 'any'; of: unknown[] };

/** One discriminated union, so an unknown kind is reported at its own `kind` field, nested or not. */
export const criterionSchema: z.ZodType<Criterion, z.input<typeof leafSchema> | CompositeInput> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    ...leafOptions,
    z.object({ kind: z.literal('all'), of: z.array(criterionSchema).min(1).max(10) }).strict(),
    z.object({ kind: z.literal('any'), of: z.array(criterionSchema).min(1).max(10) }).strict(),
  ]),
);

export const rarities = ['common', 'rare', 'epic', 'legendary'] as const;
export const tierNames = ['bronze', 'silver', 'gold', 'platinum'] as const;
export const categories = [
  'scenarios',
  'study_time',
  'streaks',
  'vocabulary',
  'conversations',
  'milestones',
  'perfection',
  'engagement',
  'special',
  'narrative',
  'social',
] as const;

const common = {
  name: z.string().min(1).max(60),
  description: z.string().min(1).max(200),
  category: z.enum(categories),
  rarity: z.enum(rarities),
  /** name and description masked until unlocked */
  hidden: z.boolean().default(false),
};

const tierSchema = z
  .object({
    tier: z.enum(tierNames),
    min: threshold,
    rarity: z.enum(rarities).optional(),
    reward: rewardSchema,
  })
  .strict();

export const achievementSchema = z.discriminatedUnion('kind', [
  /** unlocks once; incremental shows progress (current/target) on the way */
  z
    .object({
      ...common,
      kind: z.enum(['one_off', 'incremental']),
      criterion: criterionSchema,
      reward: rewardSchema,
    })
    .strict(),
  /** each tier is its own unlock; tiers climb one metric */
  z
    .object({
      ...common,
      kind: z.literal('tiered'),
      metric: metricSchema,
      tiers: z.array(tierSchema).min(1).max(4),
    })
    .strict(),
  /** earned once per `min` of a cumulative metric, up to max_times */
  z
    .object({
      ...common,
      kind: z.literal('repeatable'),
      criterion: leafSchema,
      reward: rewardSchema,
      max_times: z.number().int().min(1).max(10_000).default(1000),
    })
    .strict(),
]);

/** Keyed by achievement id; a rules document without the key gets the shipped catalog. */
export const achievementRulesSchema = z
  .record(code, achievementSchema)
  .prefault(() => defaultAchievementCatalog() as Record<string, z.input<typeof achievementSchema>>);

/**
 * The shipped catalog (default-achievements.json), as a rules document's
 * `achievements` value: what a document without the key gets. A document
 * that sets `achievements: {}` has none.
 */
export function defaultAchievementCatalog(): Record<string, unknown> {
  return structuredClone(defaultCatalog) as Record<string, unknown>;
}

export type AchievementRules = z.output<typeof achievementRulesSchema>;
export type AchievementDefinition = z.output<typeof achievementSchema>;
export type Rarity = (typeof rarities)[number];
export type TierName = (typeof tierNames)[number];
