import { newProfile } from '../domain/profile';
import { useFreeze } from '../domain/streaks/freezes';
import { type StreaksView, streakView } from '../domain/streaks/view';
import { StaleProfileError } from '../ports/game';
import { startBackoff } from './contention-retry';
import type { AppDeps } from './deps';

export interface FreezeUsed {
  coins: number;
  /** the streaks as stored, the freeze spent */
  view: StreaksView;
}

/**
 * POST /v1/me/streaks/{type}/freeze (no body): spends a held freeze on today.
 * The profile (version-guarded) and the streak.frozen / streak.updated events
 * (an outbox item) in one transaction; a race lost to another writer reloads
 * and decides again, so a second request the same day answers
 * streak_frozen_today. The request id correlates the events.
 */
export function makeUseStreakFreeze(
  deps: AppDeps,
): (userId: string, type: string, requestId: string) => Promise<FreezeUsed> {
  return async (userId, type, requestId) => {
    const backoff = startBackoff(deps);
    for (;;) {
      const now = deps.clock.now();
      const loaded = (await deps.store.getProfile(userId)) ?? newProfile(userId, now);
      const used = useFreeze(deps.rules, loaded, type, requestId, now);
      try {
        const stored = await deps.store.saveProfileChange({
          profile: used.profile,
          eventId: requestId,
          events: used.events,
        });
        return { coins: stored.coins, view: streakView(deps.rules, stored, now) };
      } catch (error) {
        if (!(error instanceof StaleProfileError)) throw error;
        await backoff.wait(error);
      }
    }
  };
}
