import * as z from 'zod';

/**
 * Response schemas: the presenters are typed by them and the OpenAPI document
 * is generated from them. snake_case, like every JSON this API speaks.
 */

const count = z.number().int().min(0);
const instant = z.string().describe('ISO 8601 instant, UTC');

export const errorResponseSchema = z.object({
  error: z.object({
    code: z
      .string()
      .describe('stable, machine-readable: validation_failed, cap_reached, insufficient_coins, ...'),
    message: z.string(),
    details: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('validation_failed only: each offending field, as the client spelled it'),
  }),
});

export const profileResponseSchema = z.object({
  user_id: z.string(),
  xp: count,
  coins: count,
  level: z.number().int().min(1),
  title: z.string(),
  xp_to_next_level: count,
  level_progress_percent: z.number().min(0).max(100),
  scene_level: z.number().int().min(0).max(6),
  next_milestone: z
    .object({ scene_level: z.number().int(), xp: count, xp_remaining: count })
    .nullable()
    .describe('null once every milestone is reached'),
  vip_tier: z.enum(['none', 'standard', 'premium']),
  time_zone: z.string(),
  display_name: z.string().nullable().describe('shown on public leaderboards; null until set'),
  leaderboard_visible: z.boolean().describe('false: the user opted out of public leaderboards'),
  created_at: instant,
  updated_at: instant,
});

export const ledgerEntryResponseSchema = z.object({
  event_id: z.string(),
  kind: z.enum(['activity', 'adjustment', 'purchase']),
  activity_type: z.string().optional(),
  subject_id: z.string().optional(),
  reason: z.string(),
  base_xp: z.number().int(),
  base_coins: z.number().int(),
  multiplier: z.number(),
  xp: z.number().int().describe('signed change'),
  coins: z.number().int().describe('signed change'),
  balance: z.object({ xp: count, coins: count }),
  bonuses: z
    .array(z.object({ source: z.string(), id: z.string(), xp: z.number().int(), coins: z.number().int() }))
    .optional()
    .describe('fixed rewards included in xp and coins (achievements, streak milestones); absent when none'),
  occurred_at: instant,
  recorded_at: instant,
});

export const historyResponseSchema = z.object({
  items: z.array(ledgerEntryResponseSchema).describe('newest first'),
  next_cursor: z.string().nullable().describe('pass as `cursor` for the next, older page; null at the end'),
});

export const outcomeResponseSchema = z.object({
  duplicate: z
    .boolean()
    .describe('true when this event_id was applied before: the first outcome is returned'),
  event_id: z.string(),
  rules_version: z
    .string()
    .optional()
    .describe(
      'the rules version that decided this outcome (GET /v1/internal/rules); absent for outcomes from before versions',
    ),
  awarded: z.object({
    xp: z.number().int().describe('signed change of XP'),
    coins: z.number().int().describe('signed change of coins'),
    base_xp: z.number().int(),
    base_coins: z.number().int(),
    multiplier: z.number(),
  }),
  profile: profileResponseSchema,
  level_ups: z.array(z.object({ level: z.number().int(), title: z.string() })),
  milestones: z.array(z.object({ scene_level: z.number().int(), xp: count, description: z.string() })),
  streaks: z.array(
    z.object({
      type: z.string(),
      action: z.enum(['started', 'maintained', 'increased', 'broken', 'frozen']),
      current: count,
      longest: count,
    }),
  ),
  achievements: z.array(z.object({ id: z.string(), name: z.string(), xp: count, coins: count })),
});

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type ProfileResponse = z.infer<typeof profileResponseSchema>;
export type LedgerEntryResponse = z.infer<typeof ledgerEntryResponseSchema>;
export type HistoryResponse = z.infer<typeof historyResponseSchema>;
export type OutcomeResponse = z.infer<typeof outcomeResponseSchema>;

export const rulesResponseSchema = z.object({
  version: z
    .string()
    .describe(
      'a hash of what the rules say (not of their formatting or label); each ledger entry records the one it was decided under',
    ),
  label: z.string().optional().describe("the operator's name for this version, from the document's `label`"),
  rules: z.record(z.string(), z.unknown()).describe('the rules document in effect, defaults filled in'),
});
export type RulesResponse = z.infer<typeof rulesResponseSchema>;
