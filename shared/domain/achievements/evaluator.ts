import type { Rules } from '../../rules/schema';
import { type Draft, type Evaluator, progressEvaluator } from '../progress';
import type { LedgerBonus, Profile } from '../types';
import { achievementProgress, tally } from './tally';
import { newUnlocks, recordUnlocks, type Unlock } from './unlocks';

/**
 * A reward's XP can cross a level or a total-XP threshold that unlocks the
 * next achievement; a few passes settle any sane catalog, and the bound keeps
 * a rules file whose rewards feed each other from looping.
 */
const MAX_PASSES = 4;

/** Pays rewards through the same ledger entry; level and scene follow the new XP. */
function pay(rules: Rules, before: Profile, draft: Draft, unlocks: Unlock[]): Draft {
  const xp = unlocks.reduce((sum, u) => sum + u.xp, 0);
  const coins = unlocks.reduce((sum, u) => sum + u.coins, 0);
  const bonuses: LedgerBonus[] = unlocks.map((u) => ({
    source: 'achievement',
    id: `${u.id}#${u.times}`,
    xp: u.xp,
    coins: u.coins,
  }));
  const profile = { ...draft.profile, xp: draft.profile.xp + xp, coins: draft.profile.coins + coins };
  const paid: Draft = {
    ...draft,
    profile,
    entry: {
      ...draft.entry,
      xp: draft.entry.xp + xp,
      coins: draft.entry.coins + coins,
      bonuses: [...(draft.entry.bonuses ?? []), ...bonuses],
      balance: { xp: profile.xp, coins: profile.coins },
    },
  };
  // Recomputed from the profile as read, so levels crossed by the reward join those crossed by the award.
  return xp > 0 ? progressEvaluator(rules, before, { ...paid, levelUps: [], milestones: [] }) : paid;
}

/**
 * Tallies the activity, then unlocks what the tallies, XP, level and streaks
 * now satisfy. Runs after the progress and streak evaluators (it reads
 * level and streak state). Unlocks are recorded on the profile, whose version
 * condition serialises racing activities; each unlock also names a marker item
 * the store writes conditionally, so a repeat can never be paid twice.
 */
export const achievementEvaluator: Evaluator = (rules, before, draft) => {
  if (Object.keys(rules.achievements).length === 0) return draft;
  let progress = achievementProgress(draft.profile);
  if (draft.entry.kind === 'activity' && draft.activity)
    progress = tally(rules, progress, draft, draft.activity);
  let current: Draft = { ...draft, profile: { ...draft.profile, achievements: progress } };
  const unlocked: Unlock[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const found = newUnlocks(rules, progress, current.profile);
    if (found.length === 0) break;
    progress = recordUnlocks(rules, progress, found, draft.entry.recordedAt);
    current = pay(
      rules,
      before,
      { ...current, profile: { ...current.profile, achievements: progress } },
      found,
    );
    unlocked.push(...found);
  }
  return { ...current, achievements: [...draft.achievements, ...unlocked] };
};
