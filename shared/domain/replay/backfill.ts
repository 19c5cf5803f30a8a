import type { Rules } from '../../rules/schema';
import { achievementProgress } from '../achievements/tally';
import { newUnlocks } from '../achievements/unlocks';
import { refuse } from '../refusal';
import { settle } from '../settle';
import type { AchievementProgress, DomainEvent, Outcome, Profile } from '../types';

/**
 * A backfill grants what the rules in effect give for the past: the
 * achievements a user's recorded history meets under them but they do not
 * hold yet, with their rewards, through the ledger. Never takes anything:
 * tallies only grow, and an achievement already held is never granted again.
 */

/** One outcome per (user, rules version, achievement): its event id, so a retry or a second run is a replay. */
export const backfillEventId = (rulesVersion: string, achievementId: string): string =>
  `backfill:${rulesVersion}:${achievementId}`;

export const isBackfillEventId = (eventId: string): boolean => eventId.startsWith('backfill:');

/**
 * What the history counted (under these rules) next to what the profile
 * counted as it went: the larger of each tally, and the profile's own
 * earned achievements.
 */
export function mergedProgress(stored: Profile, replayed: Profile): AchievementProgress {
  const held = achievementProgress(stored);
  const found = achievementProgress(replayed);
  const max = (a: Record<string, number>, b: Record<string, number>) => {
    const merged = { ...a };
    for (const [key, value] of Object.entries(b)) merged[key] = Math.max(merged[key] ?? 0, value);
    return merged;
  };
  return {
    counts: max(held.counts, found.counts),
    subjects: max(held.subjects, found.subjects),
    matches: max(held.matches, found.matches),
    earned: held.earned,
  };
}

/** The achievements owed now: met by the merged tallies and the profile, not yet (or not fully) held. */
export function owedAchievements(rules: Rules, stored: Profile, replayed: Profile): string[] {
  const progress = mergedProgress(stored, replayed);
  const owed = newUnlocks(rules, progress, { ...stored, achievements: progress });
  return [...new Set(owed.map((u) => u.id))];
}

/**
 * The outcome granting one achievement (every tier or repeat owed of it) to
 * the profile as stored now: a zero-amount entry whose bonuses are the
 * rewards, the unlock recorded, its events marked `backfill`. Refused when
 * nothing of it is owed any more (say an activity unlocked it meanwhile).
 */
export function backfillOutcome(
  rules: Rules,
  request: { rulesVersion: string; achievementId: string; replayed: Profile },
  profile: Profile,
  now: Date,
): Outcome {
  const { achievementId, rulesVersion, replayed } = request;
  const eventId = backfillEventId(rulesVersion, achievementId);
  const definition = Object.hasOwn(rules.achievements, achievementId)
    ? rules.achievements[achievementId]
    : undefined;
  const only: Rules = { ...rules, achievements: definition ? { [achievementId]: definition } : {} };
  const progress = mergedProgress(profile, replayed);
  if (!definition || newUnlocks(only, progress, { ...profile, achievements: progress }).length === 0) {
    return refuse({ eventId, userId: profile.userId }, 'nothing_to_backfill', `${achievementId} is not owed`);
  }
  const outcome = settle(
    only,
    { ...profile, achievements: progress },
    {
      eventId,
      entry: {
        kind: 'adjustment',
        reason: `Achievement earned under the rules ${rulesVersion}: ${definition.name}`,
        baseXp: 0,
        baseCoins: 0,
        multiplier: 1,
        xp: 0,
        coins: 0,
        occurredAt: now.toISOString(),
      },
    },
    now,
  );
  return { ...outcome, events: outcome.events.map(markedBackfill) };
}

function markedBackfill(event: DomainEvent): DomainEvent {
  return event.detailType === 'achievement.unlocked'
    ? { ...event, data: { ...event.data, backfill: true } }
    : event;
}
