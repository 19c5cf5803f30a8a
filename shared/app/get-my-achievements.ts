import { type MyAchievements, viewMyAchievements } from '../domain/achievements/views';
import { newProfile } from '../domain/profile';
import type { AppDeps } from './deps';

/** GET /v1/me/achievements: unlocked, in progress, and the three closest. */
export function makeGetMyAchievements(
  deps: Pick<AppDeps, 'store' | 'rules' | 'clock'>,
): (userId: string) => Promise<MyAchievements> {
  return async (userId) => {
    const profile = (await deps.store.getProfile(userId)) ?? newProfile(userId, deps.clock.now());
    return viewMyAchievements(deps.rules, profile);
  };
}
