import { type FieldIssue, ValidationError } from '../domain/errors';
import { isValidTimeZone } from '../domain/local-time';
import { newProfile, viewProfile } from '../domain/profile';
import type { Profile, ProfileView, VipTier } from '../domain/types';
import { type ProfileSettings, StaleProfileError } from '../ports';
import { startBackoff } from './contention-retry';
import type { AppDeps } from './deps';

const VIP_TIERS: readonly VipTier[] = ['none', 'standard', 'premium'];
/** IANA names only ("Europe/Paris", "UTC"): no bare offsets such as "+02:00". */
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * Sets a user's VIP tier and time zone, creating the profile if the user was
 * never seen (an operator may configure a user before their first activity).
 */
export function makeUpdateUserSettings(
  deps: AppDeps,
): (userId: string, settings: ProfileSettings) => Promise<ProfileView> {
  return async (userId, settings) => {
    const changes = validate(settings);
    const backoff = startBackoff(deps.retry);
    for (;;) {
      const now = deps.clock.now();
      const current = (await deps.store.getProfile(userId)) ?? newProfile(userId, now);
      const next: Profile = { ...current, ...changes, updatedAt: now.toISOString() };
      try {
        return viewProfile(deps.rules, await deps.store.saveProfile(next));
      } catch (error) {
        if (!(error instanceof StaleProfileError)) throw error;
        await backoff.wait(error);
      }
    }
  };
}

function validate(settings: ProfileSettings): Partial<Pick<Profile, 'vipTier' | 'timeZone'>> {
  const issues: FieldIssue[] = [];
  const changes: Partial<Pick<Profile, 'vipTier' | 'timeZone'>> = {};
  if (settings.vipTier !== undefined) {
    if (VIP_TIERS.includes(settings.vipTier)) changes.vipTier = settings.vipTier;
    else issues.push({ field: 'vip_tier', message: `must be one of ${VIP_TIERS.join(', ')}` });
  }
  if (settings.timeZone !== undefined) {
    const zone = canonicalTimeZone(settings.timeZone);
    if (zone) changes.timeZone = zone;
    else
      issues.push({ field: 'time_zone', message: 'must be an IANA time zone such as Europe/Paris or UTC' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return changes;
}

/** The zone's canonical spelling ("europe/paris" -> "Europe/Paris"), or null when it is not one. */
function canonicalTimeZone(zone: string): string | null {
  if (!IANA_SHAPE.test(zone) || !isValidTimeZone(zone)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}
