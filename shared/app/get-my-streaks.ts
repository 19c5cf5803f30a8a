import { newProfile } from '../domain/profile';
import { type StreaksView, streakView } from '../domain/streaks/view';
import type { AppDeps } from './deps';

/** GET /v1/me/streaks: every streak type of the rules; a user never seen has none yet. */
export function makeGetMyStreaks(
  deps: Pick<AppDeps, 'store' | 'rules' | 'clock'>,
): (userId: string) => Promise<StreaksView> {
  return async (userId) => {
    const now = deps.clock.now();
    const profile = (await deps.store.getProfile(userId)) ?? newProfile(userId, now);
    return streakView(deps.rules, profile, now);
  };
}
