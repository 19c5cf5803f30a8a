import { viewProfile } from '../domain/profile';
import type { AppliedOutcome, LedgerEntry, ProfileView } from '../domain/types';
import type { LedgerPage } from '../ports/game';
import type { Rules } from '../rules/schema';
import type {
  HistoryResponse,
  LedgerEntryResponse,
  OutcomeResponse,
  ProfileResponse,
} from './response-schemas';

/** Domain (camelCase) to wire (snake_case); typed by the response schemas. */

export function presentProfile(view: ProfileView): ProfileResponse {
  return {
    user_id: view.userId,
    xp: view.xp,
    coins: view.coins,
    level: view.level,
    title: view.title,
    xp_to_next_level: view.xpToNextLevel,
    level_progress_percent: view.levelProgressPercent,
    scene_level: view.sceneLevel,
    next_milestone: view.nextMilestone
      ? {
          scene_level: view.nextMilestone.sceneLevel,
          xp: view.nextMilestone.xp,
          xp_remaining: view.nextMilestone.xpRemaining,
        }
      : null,
    vip_tier: view.vipTier,
    time_zone: view.timeZone,
    display_name: view.displayName,
    leaderboard_visible: view.leaderboardVisible,
    created_at: view.createdAt,
    updated_at: view.updatedAt,
  };
}

export function presentLedgerEntry(entry: LedgerEntry): LedgerEntryResponse {
  const item: LedgerEntryResponse = {
    event_id: entry.eventId,
    kind: entry.kind,
    reason: entry.reason,
    base_xp: entry.baseXp,
    base_coins: entry.baseCoins,
    multiplier: entry.multiplier,
    xp: entry.xp,
    coins: entry.coins,
    balance: { xp: entry.balance.xp, coins: entry.balance.coins },
    occurred_at: entry.occurredAt,
    recorded_at: entry.recordedAt,
  };
  if (entry.activityType !== undefined) item.activity_type = entry.activityType;
  if (entry.subjectId !== undefined) item.subject_id = entry.subjectId;
  if (entry.bonuses && entry.bonuses.length > 0) {
    item.bonuses = entry.bonuses.map((b) => ({ source: b.source, id: b.id, xp: b.xp, coins: b.coins }));
  }
  return item;
}

export function presentHistory(page: LedgerPage): HistoryResponse {
  return { items: page.entries.map(presentLedgerEntry), next_cursor: page.nextCursor };
}

/** The answer to an activity or an adjustment, new or replayed. */
export function presentOutcome(
  rules: Rules,
  result: { duplicate: boolean; outcome: AppliedOutcome },
): OutcomeResponse {
  const { outcome } = result;
  const { entry } = outcome;
  return {
    duplicate: result.duplicate,
    event_id: outcome.eventId,
    ...(entry.rulesVersion !== undefined && { rules_version: entry.rulesVersion }),
    awarded: {
      xp: entry.xp,
      coins: entry.coins,
      base_xp: entry.baseXp,
      base_coins: entry.baseCoins,
      multiplier: entry.multiplier,
    },
    profile: presentProfile(viewProfile(rules, outcome.profile)),
    level_ups: outcome.levelUps.map((l) => ({ level: l.level, title: l.title })),
    milestones: outcome.milestones.map((m) => ({
      scene_level: m.sceneLevel,
      xp: m.xp,
      description: m.description,
    })),
    streaks: outcome.streaks.map((s) => ({
      type: s.type,
      action: s.action,
      current: s.current,
      longest: s.longest,
    })),
    achievements: outcome.achievements.map((a) => ({ id: a.id, name: a.name, xp: a.xp, coins: a.coins })),
  };
}
