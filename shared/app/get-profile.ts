import { NotFoundError } from '../domain/errors';
import { newProfile, viewProfile } from '../domain/profile';
import type { ProfileView } from '../domain/types';
import type { ProfileReader } from '../ports/shop';
import type { AppDeps } from './deps';

export interface GetProfileOptions {
  /** 'new': a user never seen gets a fresh profile (not stored); 'not_found': NotFoundError */
  ifMissing: 'not_found' | 'new';
}

export function makeGetProfile(
  deps: Pick<AppDeps, 'rules' | 'clock'> & { store: ProfileReader },
): (userId: string, opts: GetProfileOptions) => Promise<ProfileView> {
  return async (userId, opts) => {
    const profile = await deps.store.getProfile(userId);
    if (profile) return viewProfile(deps.rules, profile);
    if (opts.ifMissing === 'not_found') throw new NotFoundError('user', userId);
    return viewProfile(deps.rules, newProfile(userId, deps.clock.now()));
  };
}
