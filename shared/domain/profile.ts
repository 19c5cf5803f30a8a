import type { Rules } from '../rules/schema';
import { levelProgress } from './level-curve';
import { nextMilestone, sceneLevelForXp } from './milestones';
import { titleForLevel } from './titles';
import type { Profile, ProfileView } from './types';

/** A user's state before anything was stored (version 0 tells the store to create it). */
export function newProfile(userId: string, now: Date): Profile {
  const at = now.toISOString();
  return {
    userId,
    xp: 0,
    coins: 0,
    level: 1,
    sceneLevel: 0,
    vipTier: 'none',
    timeZone: 'UTC',
    version: 0,
    counters: {},
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * What a client sees. Level, title and scene are derived from XP under the
 * current rules, so a changed curve shows correctly before the next award.
 */
export function viewProfile(rules: Rules, profile: Profile): ProfileView {
  const progress = levelProgress(rules.levels, profile.xp);
  const next = nextMilestone(rules.milestones, profile.xp);
  return {
    userId: profile.userId,
    xp: profile.xp,
    coins: profile.coins,
    level: progress.level,
    title: titleForLevel(rules, progress.level),
    xpToNextLevel: progress.xpToNextLevel,
    levelProgressPercent: progress.progressPercent,
    sceneLevel: sceneLevelForXp(rules.milestones, profile.xp),
    nextMilestone: next
      ? { sceneLevel: next.scene_level, xp: next.xp, xpRemaining: next.xp - profile.xp }
      : null,
    vipTier: profile.vipTier,
    timeZone: profile.timeZone,
    displayName: profile.displayName ?? null,
    leaderboardVisible: profile.leaderboardVisible !== false,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}
