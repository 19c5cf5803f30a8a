import type * as z from 'zod';
import * as achievementUnlocked from './achievement-unlocked.v1';
import * as badgeEarned from './badge-earned.v1';
import * as itemUnlocked from './item-unlocked.v1';
import * as leaderboardChanged from './leaderboard-changed.v1';
import * as levelUp from './level-up.v1';
import * as milestoneReached from './milestone-reached.v1';
import * as pointsAwarded from './points-awarded.v1';
import * as rewardRedeemed from './reward-redeemed.v1';
import * as sceneFailed from './scene-failed.v1';
import * as sceneGenerated from './scene-generated.v1';
import * as streakBroken from './streak-broken.v1';
import * as streakFrozen from './streak-frozen.v1';
import * as streakMilestone from './streak-milestone.v1';
import * as streakUpdated from './streak-updated.v1';

/**
 * The events Questline publishes (source `questline`), by detail type. The
 * outbox publisher accepts only these and validates `data` before sending.
 */

export interface OutboundContract {
  detailType: string;
  version: number;
  schema: z.ZodType<Record<string, unknown>>;
}

export const outboundContracts = {
  [pointsAwarded.detailType]: pointsAwarded,
  [levelUp.detailType]: levelUp,
  [milestoneReached.detailType]: milestoneReached,
  [achievementUnlocked.detailType]: achievementUnlocked,
  [badgeEarned.detailType]: badgeEarned,
  [streakUpdated.detailType]: streakUpdated,
  [streakMilestone.detailType]: streakMilestone,
  [streakBroken.detailType]: streakBroken,
  [streakFrozen.detailType]: streakFrozen,
  [itemUnlocked.detailType]: itemUnlocked,
  [rewardRedeemed.detailType]: rewardRedeemed,
  [leaderboardChanged.detailType]: leaderboardChanged,
  [sceneGenerated.detailType]: sceneGenerated,
  [sceneFailed.detailType]: sceneFailed,
} as const satisfies Record<string, OutboundContract>;

export type OutboundDetailType = keyof typeof outboundContracts;

export function isOutboundDetailType(value: string): value is OutboundDetailType {
  return Object.hasOwn(outboundContracts, value);
}

export function contractFor(detailType: string): OutboundContract {
  if (!isOutboundDetailType(detailType)) {
    throw new Error(`no outbound contract for detail type ${detailType}`);
  }
  return outboundContracts[detailType];
}
