import type * as z from 'zod';
import * as achievementUnlocked from '../../events/achievement-unlocked.v1';
import * as itemUnlocked from '../../events/item-unlocked.v1';
import * as leaderboardChanged from '../../events/leaderboard-changed.v1';
import * as levelUp from '../../events/level-up.v1';
import * as milestoneReached from '../../events/milestone-reached.v1';
import * as pointsAwarded from '../../events/points-awarded.v1';
import * as rewardRedeemed from '../../events/reward-redeemed.v1';
import * as sceneGenerated from '../../events/scene-generated.v1';
import * as streakUpdated from '../../events/streak-updated.v1';

/**
 * What a user's open WebSocket connections receive for a published event:
 * `{ "event": "<name>", "data": {...} }`, shaped for a UI (the new totals,
 * the old and new level), not the bus contract. Pure: the notifier
 * (functions/events/notify.ts) looks the user up and posts.
 *
 * Not pushed, on purpose:
 * - badge.earned repeats achievement.unlocked for badge-speaking consumers;
 *   pushing both would show every unlock twice.
 * - streak.milestone, streak.broken and streak.frozen: the same activity
 *   publishes a streak.updated whose `action` (broken, frozen) and `current`
 *   already tell the client what happened, and a milestone's bonus is in the
 *   same activity's points_awarded totals. One streak frame per activity.
 * - scene.failed: the user keeps the scene they had; there is nothing to show.
 */

export interface PushFrame {
  event: string;
  data: Record<string, unknown>;
}

/** The part of a `{ metadata, data }` envelope a push reads. */
export interface PushableEnvelope {
  metadata: { type: string; version: number; user_id: string };
  data: unknown;
}

/** The envelope's data does not match its contract, or names another user. */
export class UnpushableEventError extends Error {
  override readonly name = 'UnpushableEventError';
}

interface PushMapping<S extends z.ZodType> {
  version: number;
  schema: S;
  frame(data: z.output<S>): PushFrame;
}

const mapping = <S extends z.ZodType>(m: PushMapping<S>): PushMapping<z.ZodType> =>
  m as PushMapping<z.ZodType>;

const mappings = {
  [pointsAwarded.detailType]: mapping({
    ...pointsAwarded,
    frame: (d) => ({
      event: 'points_awarded',
      data: {
        event_id: d.event_id,
        points: d.xp,
        new_total: d.total_xp,
        // purchases and adjustments have no activity type: their kind stands in
        activity: d.activity_type ?? d.kind,
        multiplier: d.multiplier,
        coins: d.coins,
        new_coins: d.total_coins,
        level: d.level,
      },
    }),
  }),
  [levelUp.detailType]: mapping({
    ...levelUp,
    frame: (d) => ({
      event: 'level_up',
      data: {
        event_id: d.event_id,
        old_level: d.previous_level,
        new_level: d.level,
        title: d.title,
        title_changed: d.title_changed,
      },
    }),
  }),
  [milestoneReached.detailType]: mapping({
    ...milestoneReached,
    frame: (d) => ({
      event: 'milestone_reached',
      data: {
        event_id: d.event_id,
        // scene levels are consecutive from 1 (the rules schema checks it) and
        // each crossed milestone publishes its own event; 0 is the starting scene
        old_scene_level: d.scene_level - 1,
        new_scene_level: d.scene_level,
        milestone_xp: d.milestone_xp,
        description: d.description,
      },
    }),
  }),
  [achievementUnlocked.detailType]: mapping({
    ...achievementUnlocked,
    frame: (d) => ({
      event: 'achievement_unlocked',
      data: {
        event_id: d.event_id,
        achievement_id: d.achievement_id,
        name: d.name,
        kind: d.kind,
        category: d.category,
        rarity: d.rarity,
        tier: d.tier ?? null,
        times_earned: d.times_earned,
        hidden: d.hidden,
        reward_xp: d.reward_xp,
        reward_coins: d.reward_coins,
        unlocked_at: d.unlocked_at,
        // granted for the past by a rules backfill, not by what the user just did
        backfill: d.backfill === true,
      },
    }),
  }),
  [streakUpdated.detailType]: mapping({
    ...streakUpdated,
    frame: ({ user_id: _user, ...streak }) => ({ event: 'streak_updated', data: streak }),
  }),
  [itemUnlocked.detailType]: mapping({
    ...itemUnlocked,
    frame: ({ user_id: _user, ...item }) => ({ event: 'item_unlocked', data: item }),
  }),
  [rewardRedeemed.detailType]: mapping({
    ...rewardRedeemed,
    frame: ({ user_id: _user, ...reward }) => ({ event: 'reward_redeemed', data: reward }),
  }),
  [leaderboardChanged.detailType]: mapping({
    ...leaderboardChanged,
    frame: ({ user_id: _user, ...change }) => ({ event: 'leaderboard_changed', data: change }),
  }),
  [sceneGenerated.detailType]: mapping({
    ...sceneGenerated,
    frame: (d) => ({
      event: 'scene_generated',
      data: {
        job_id: d.job_id,
        scene_level: d.scene_level,
        image_url: d.image_url,
        thumbnails: d.thumbnails,
      },
    }),
  }),
} as const;

/** The detail types the notifier is sent (the bus rule routes exactly these to it). */
export const pushedDetailTypes: readonly string[] = Object.keys(mappings);

export function isPushedDetailType(detailType: string): boolean {
  return Object.hasOwn(mappings, detailType);
}

/**
 * The frame for an envelope, or null when its type is not pushed. Throws
 * UnpushableEventError when the data does not match its contract's version
 * and schema, or when `data.user_id` differs from `metadata.user_id` (the
 * user whose connections receive it): a producer bug must never put one
 * user's numbers on another user's screen.
 */
export function pushFrameFor(envelope: PushableEnvelope): PushFrame | null {
  const { type, version, user_id: userId } = envelope.metadata;
  if (!isPushedDetailType(type)) return null;
  const push = mappings[type as keyof typeof mappings];
  if (version !== push.version) {
    throw new UnpushableEventError(`no push for ${type} version ${version} (knows ${push.version})`);
  }
  const parsed = push.schema.safeParse(envelope.data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(data)').join(', ');
    throw new UnpushableEventError(`${type} data does not match its contract: ${fields}`);
  }
  if ((parsed.data as { user_id?: unknown }).user_id !== userId) {
    throw new UnpushableEventError(`${type} data names another user than its metadata`);
  }
  return push.frame(parsed.data);
}
