import { checkDisplayName } from '../domain/display-name';
import { type FieldIssue, ValidationError } from '../domain/errors';
import { isValidTimeZone } from '../domain/local-time';
import { newProfile, viewProfile } from '../domain/profile';
import type { Profile, ProfileView, VipTier } from '../domain/types';
import { type ProfileSettings, StaleProfileError } from '../ports/game';
import { startBackoff } from './contention-retry';
import type { AppDeps } from './deps';

const VIP_TIERS: readonly VipTier[] = ['none', 'standard', 'premium'];
/** IANA names only ("Europe/Paris", "UTC"): no bare offsets such as "+02:00". */
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

type Changes = Partial<Pick<Profile, 'vipTier' | 'timeZone' | 'leaderboardVisible'>> & {
  /** null: clear the name */
  displayName?: string | null;
};

/**
 * Sets a user's VIP tier, time zone, display name and leaderboard visibility,
 * creating the profile if the user was never seen (an operator may configure
 * a user before their first activity).
 */
export function makeUpdateUserSettings(
  deps: AppDeps,
): (userId: string, settings: ProfileSettings) => Promise<ProfileView> {
  return async (userId, settings) => {
    const changes = validate(settings);
    const backoff = startBackoff(deps);
    for (;;) {
      const now = deps.clock.now();
      const current = (await deps.store.getProfile(userId)) ?? newProfile(userId, now);
      const next = withChanges(current, changes, now);
      try {
        return viewProfile(deps.rules, await deps.store.saveProfile(next));
      } catch (error) {
        if (!(error instanceof StaleProfileError)) throw error;
        await backoff.wait(error);
      }
    }
  };
}

function withChanges(current: Profile, changes: Changes, now: Date): Profile {
  const { displayName, ...rest } = changes;
  const next: Profile = { ...current, ...rest, updatedAt: now.toISOString() };
  if (displayName === null) delete next.displayName;
  else if (displayName !== undefined) next.displayName = displayName;
  return next;
}

function validate(settings: ProfileSettings): Changes {
  const issues: FieldIssue[] = [];
  const changes: Changes = {};
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
  if (settings.displayName === null) changes.displayName = null;
  else if (settings.displayName !== undefined) {
    const checked = checkDisplayName(settings.displayName);
    if ('name' in checked) changes.displayName = checked.name;
    else issues.push({ field: 'display_name', message: checked.problem });
  }
  if (settings.leaderboardVisible !== undefined) {
    if (typeof settings.leaderboardVisible === 'boolean')
      changes.leaderboardVisible = settings.leaderboardVisible;
    else issues.push({ field: 'leaderboard_visible', message: 'must be true or false' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return changes;
}

/** The zone's canonical spelling ("europe/paris" -> "Europe/Paris"), or null when it is not one. */
function canonicalTimeZone(zone: string): string | null {
  if (!IANA_SHAPE.test(zone) || !isValidTimeZone(zone)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}
