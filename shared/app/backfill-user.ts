import { RuleRefusedError } from '../domain/errors';
import { backfillEventId, backfillOutcome, owedAchievements } from '../domain/replay/backfill';
import type { UserHistory } from '../domain/replay/history';
import { replayHistory } from '../domain/replay/replay';
import { rulesVersionOf } from '../rules/version';
import { makeApplyOnce } from './apply-once';
import type { AppDeps } from './deps';

export interface UserBackfill {
  userId: string;
  /** achievements granted by this run, with what they paid */
  granted: { achievementId: string; xp: number; coins: number }[];
  /** owed, but granted before (a retry, a second run) or meanwhile by an activity */
  alreadyHeld: string[];
}

/**
 * Grants a user what the rules in effect give for their recorded past: each
 * achievement their history meets but they do not hold, in its own outcome
 * (one transaction, event id per rules version and achievement), so a retry,
 * a second run or a run racing this one grants nothing twice. The events go
 * out through the outbox like any unlock's, marked `backfill`.
 */
export function makeBackfillUser(deps: AppDeps): (history: UserHistory) => Promise<UserBackfill> {
  const applyOnce = makeApplyOnce(deps);
  const rulesVersion = rulesVersionOf(deps.rules).id;
  return async (history) => {
    const result: UserBackfill = { userId: history.userId, granted: [], alreadyHeld: [] };
    const replayed = replayHistory(deps.rules, history).profile;
    const tried = new Set<string>();
    // A reward can lift the level or XP past another achievement's bar: look again, a few times at most.
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const stored = await deps.store.getProfile(history.userId);
      if (!stored) return result;
      const owed = owedAchievements(deps.rules, stored, replayed).filter((id) => !tried.has(id));
      if (owed.length === 0) break;
      for (const achievementId of owed) {
        tried.add(achievementId);
        await grant(achievementId);
      }
    }
    return result;

    async function grant(achievementId: string): Promise<void> {
      try {
        const applied = await applyOnce({
          userId: history.userId,
          eventId: backfillEventId(rulesVersion, achievementId),
          decide: (profile, now) =>
            backfillOutcome(deps.rules, { rulesVersion, achievementId, replayed }, profile, now),
          sameRequest: ({ entry }) => entry.kind === 'adjustment' && entry.xp >= 0 && entry.coins >= 0,
        });
        if (applied.duplicate) result.alreadyHeld.push(achievementId);
        else
          result.granted.push({
            achievementId,
            xp: applied.outcome.entry.xp,
            coins: applied.outcome.entry.coins,
          });
      } catch (error) {
        if (!(error instanceof RuleRefusedError && error.code === 'nothing_to_backfill')) throw error;
        result.alreadyHeld.push(achievementId);
      }
    }
  };
}

const MAX_PASSES = 4;
