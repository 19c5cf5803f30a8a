import type { StreaksView, StreakTypeView } from '../domain/streaks/view';
import type { FreezeResponse, StreakResponse, StreaksResponse } from './streak-schemas';

export function presentStreak(view: StreakTypeView): StreakResponse {
  return {
    type: view.type,
    description: view.description,
    status: view.status,
    current: view.current,
    longest: view.longest,
    last_active_day: view.lastActiveDay,
    total_days: view.totalDays,
    last_action: view.lastAction,
    done_today: view.doneToday,
    at_risk: view.atRisk,
    hours_left_today: view.hoursLeftToday,
    next_milestone: view.nextMilestone && {
      days: view.nextMilestone.days,
      days_remaining: view.nextMilestone.daysRemaining,
      xp: view.nextMilestone.xp,
      coins: view.nextMilestone.coins,
    },
    health: view.health,
  };
}

export function presentStreaks(view: StreaksView): StreaksResponse {
  return {
    freezes_held: view.freezesHeld,
    freezes_max: view.freezesMax,
    streaks: view.streaks.map(presentStreak),
  };
}

export interface FreezeResult {
  action: 'used' | 'bought';
  duplicate: boolean;
  eventId?: string;
  coinsSpent: number;
  coins: number;
  view: StreaksView;
  type: string;
}

/** The answer to a freeze use or purchase: the wallet and the path type's streak as they stand. */
export function presentFreeze(result: FreezeResult): FreezeResponse {
  const streak = result.view.streaks.find((s) => s.type === result.type);
  if (!streak) throw new Error(`streak type ${result.type} missing from its own view`);
  return {
    action: result.action,
    duplicate: result.duplicate,
    ...(result.eventId !== undefined && { event_id: result.eventId }),
    coins_spent: result.coinsSpent,
    coins: result.coins,
    freezes_held: result.view.freezesHeld,
    freezes_max: result.view.freezesMax,
    streak: presentStreak(streak),
  };
}
