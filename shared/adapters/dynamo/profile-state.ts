import * as z from 'zod';
import type { AchievementProgress, FreezeWallet, LedgerBonus, Profile } from '../../domain/types';
import { jsonString } from './json-attribute';
import { type PackedState, packStreaks, unpackStreaks } from './streak-codec';

/**
 * The game state and the leaderboard state on the profile
 * item, and the bonuses of a ledger entry: nested state is one JSON string
 * attribute each (see items.ts for why strings), left out while the domain
 * leaves it absent, and validated with zod on read. The display name and the
 * board visibility are plain attributes, also absent until set.
 * The profile item is written on every activity, so the encodings are the
 * compact ones: streaks in the positional form of streak-codec.ts, the
 * freeze wallet as [held, refilledMonth?].
 */

const count = z.number().int().min(0);
const day = z.number().int().nullable();
const days = z.array(z.number().int());

/** The positional form packStreaks writes (see streak-codec.ts). */
const packedStreakSchema = z.tuple([
  z.tuple([day, count, day, count, count]),
  days,
  days,
  days,
  count,
  count,
  day,
  count,
  day,
  z.number().int().min(0).max(4),
  z.array(z.number().int().min(1)),
]);

const walletSchema = z.union([z.tuple([count]), z.tuple([count, z.string().regex(/^\d{4}-\d{2}$/)])]);

/** [counts, subjects, matches, earned]: positional, the field names would be paid on every write. */
const progressSchema = z
  .tuple([
    z.record(z.string(), count),
    z.record(z.string(), count),
    z.record(z.string(), count),
    z.record(z.string(), z.tuple([z.number().int().min(1), count, count.optional()])),
  ])
  .transform(
    ([counts, subjects, matches, earned]): AchievementProgress => ({ counts, subjects, matches, earned }),
  );

const bonusSchema = z.object({
  source: z.string().min(1),
  id: z.string().min(1),
  xp: z.number().int(),
  coins: z.number().int(),
});

/** board id -> week or month period key -> score in that window */
const boardTalliesSchema = z.record(z.string().min(1), z.record(z.string().min(1), count));

/**
 * Profile attributes of the streak, achievement and leaderboard state; all
 * optional (absent = not started, no display name, visible on boards).
 */
export const profileStateFields = {
  streaks: jsonString(z.record(z.string(), packedStreakSchema)).optional(),
  freezes: jsonString(walletSchema).optional(),
  achievements: jsonString(progressSchema).optional(),
  display_name: z.string().min(1).optional(),
  leaderboard_visible: z.boolean().optional(),
  boards: jsonString(boardTalliesSchema).optional(),
};

/** The ledger entry's bonuses attribute (left out when there are none). */
export const bonusesField = jsonString(z.array(bonusSchema).min(1)).optional();

type StateInput = {
  streaks?: string;
  freezes?: string;
  achievements?: string;
  display_name?: string;
  leaderboard_visible?: boolean;
  boards?: string;
};
type StateOutput = {
  streaks?: Record<string, PackedState> | undefined;
  freezes?: z.output<typeof walletSchema> | undefined;
  achievements?: AchievementProgress | undefined;
  display_name?: string | undefined;
  leaderboard_visible?: boolean | undefined;
  boards?: Profile['boardTallies'] | undefined;
};
type StateFields =
  | 'streaks'
  | 'streakFreezes'
  | 'achievements'
  | 'displayName'
  | 'leaderboardVisible'
  | 'boardTallies';

export function profileStateAttributes(profile: Profile): StateInput {
  const attributes: StateInput = {};
  if (profile.streaks && Object.keys(profile.streaks).length > 0) {
    attributes.streaks = packStreaks(profile.streaks);
  }
  if (profile.streakFreezes) {
    const { held, refilledMonth } = profile.streakFreezes;
    attributes.freezes = JSON.stringify(refilledMonth === undefined ? [held] : [held, refilledMonth]);
  }
  if (profile.achievements) {
    const { counts, subjects, matches, earned } = profile.achievements;
    attributes.achievements = JSON.stringify([counts, subjects, matches, earned]);
  }
  if (profile.displayName !== undefined) attributes.display_name = profile.displayName;
  if (profile.leaderboardVisible !== undefined) attributes.leaderboard_visible = profile.leaderboardVisible;
  if (profile.boardTallies && Object.keys(profile.boardTallies).length > 0) {
    attributes.boards = JSON.stringify(profile.boardTallies);
  }
  return attributes;
}

/** The profile fields the parsed state attributes stand for (absent ones stay absent). */
export function profileStateOf(parsed: StateOutput): Pick<Profile, StateFields> {
  const state: Pick<Profile, StateFields> = {};
  if (parsed.streaks !== undefined) state.streaks = unpackStreaks(parsed.streaks);
  if (parsed.freezes !== undefined) {
    const [held, refilledMonth] = parsed.freezes;
    const wallet: FreezeWallet = { held };
    if (refilledMonth !== undefined) wallet.refilledMonth = refilledMonth;
    state.streakFreezes = wallet;
  }
  if (parsed.achievements !== undefined) state.achievements = parsed.achievements;
  if (parsed.display_name !== undefined) state.displayName = parsed.display_name;
  if (parsed.leaderboard_visible !== undefined) state.leaderboardVisible = parsed.leaderboard_visible;
  if (parsed.boards !== undefined) state.boardTallies = parsed.boards;
  return state;
}

export function bonusesAttribute(bonuses: readonly LedgerBonus[] | undefined): string | undefined {
  return bonuses && bonuses.length > 0 ? JSON.stringify(bonuses) : undefined;
}
