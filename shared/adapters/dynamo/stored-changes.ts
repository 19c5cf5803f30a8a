import * as z from 'zod';
import type { AchievementUnlock, StreakChange } from '../../domain/types';

/**
 * How an event record keeps the streak changes and achievement unlocks of its
 * outcome, so a replay answers with every detail the first answer had. The
 * event item is written on every activity and must stay under 1 KB, so both
 * are positional tuples (a named field costs its name in every item).
 */

const ACTIONS = ['started', 'maintained', 'increased', 'broken', 'frozen'] as const;
const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
const RARITIES = ['common', 'rare', 'epic', 'legendary'] as const;

const int = z.number().int();
const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const storedStreakSchema = z.tuple(
  [
    z.string().min(1),
    z
      .number()
      .int()
      .min(0)
      .max(ACTIONS.length - 1),
    int, // current
    int, // longest
    int, // previous
    localDay.nullable(), // previous last day
    localDay, // day
    int, // total days
    int, // freezes left
  ],
  // frozen days, then milestones [days, xp, coins]; left out while empty
  z.union([z.array(localDay), z.array(z.tuple([int, int, int]))]),
);

const storedUnlockSchema = z.tuple([
  z.string().min(1), // id
  z.string(), // name
  int, // xp
  int, // coins
  z.number().int().min(1), // times
  z.string().min(1), // category
  z.enum(RARITIES),
  z.enum(TIERS).nullable(),
]);

export const storedStreaksSchema = z.array(storedStreakSchema);
export const storedUnlocksSchema = z.array(storedUnlockSchema);

type StoredStreak = z.input<typeof storedStreakSchema>;
type StoredUnlock = z.input<typeof storedUnlockSchema>;

export function storeStreakChange(c: StreakChange): StoredStreak {
  const stored: StoredStreak = [
    c.type,
    ACTIONS.indexOf(c.action),
    c.current,
    c.longest,
    c.previous ?? 0,
    c.previousLastDay ?? null,
    c.day ?? '',
    c.totalDays ?? c.current,
    c.freezesLeft ?? 0,
  ];
  const milestones = (c.milestones ?? []).map((m): [number, number, number] => [m.days, m.xp, m.coins]);
  const frozen = c.frozenDays ?? [];
  if (frozen.length > 0 || milestones.length > 0) stored.push(frozen);
  if (milestones.length > 0) stored.push(milestones);
  return stored;
}

export function streakChangeOf(stored: z.output<typeof storedStreakSchema>): StreakChange {
  const [type, action, current, longest, previous, previousLastDay, day, totalDays, freezesLeft, ...rest] =
    stored;
  const frozenDays = (rest[0] ?? []) as string[];
  const milestones = (rest[1] ?? []) as [number, number, number][];
  return {
    type,
    action: ACTIONS[action] ?? 'started',
    current,
    longest,
    previous,
    previousLastDay,
    day,
    totalDays,
    frozenDays,
    freezesLeft,
    milestones: milestones.map(([days, xp, coins]) => ({ days, xp, coins })),
  };
}

export function storeUnlock(u: AchievementUnlock): StoredUnlock {
  return [
    u.id,
    u.name,
    u.xp,
    u.coins,
    u.times ?? 1,
    u.category ?? 'special',
    u.rarity ?? 'common',
    u.tier ?? null,
  ];
}

export function unlockOf(stored: z.output<typeof storedUnlockSchema>): AchievementUnlock {
  const [id, name, xp, coins, times, category, rarity, tier] = stored;
  return {
    id,
    name,
    xp,
    coins,
    times,
    ...(tier !== null && { tier }),
    category,
    rarity,
  };
}
