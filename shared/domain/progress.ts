import type { Rules } from '../rules/schema';
import { levelForXp } from './level-curve';
import { milestonesCrossed, sceneLevelForXp } from './milestones';
import { titleForLevel } from './titles';
import type { AppliedOutcome, LevelUp, MilestoneReached, Profile } from './types';

/** An applied outcome before its events are derived from it. */
export type Draft = Omit<AppliedOutcome, 'events'>;

/**
 * One stage of what an award sets in motion. Each sees the profile as it was
 * read and the draft so far; streak and achievement evaluators join the list
 * the same way.
 */
export type Evaluator = (rules: Rules, before: Profile, draft: Draft) => Draft;

/** Level and scene level follow XP; every level and milestone crossed is reported. */
export const progressEvaluator: Evaluator = (rules, before, draft) => {
  const xp = draft.profile.xp;
  const level = levelForXp(rules.levels, xp);
  const sceneLevel = sceneLevelForXp(rules.milestones, xp);
  const levelUps: LevelUp[] = [];
  for (let reached = before.level + 1; reached <= level; reached++) {
    levelUps.push({ level: reached, title: titleForLevel(rules, reached) });
  }
  const milestones: MilestoneReached[] = milestonesCrossed(rules.milestones, before.sceneLevel, xp).map(
    (m) => ({
      sceneLevel: m.scene_level,
      xp: m.xp,
      description: m.description,
    }),
  );
  return {
    ...draft,
    profile: { ...draft.profile, level, sceneLevel },
    levelUps: [...draft.levelUps, ...levelUps],
    milestones: [...draft.milestones, ...milestones],
  };
};

export function runEvaluators(
  rules: Rules,
  before: Profile,
  draft: Draft,
  evaluators: readonly Evaluator[],
): Draft {
  return evaluators.reduce((current, evaluate) => evaluate(rules, before, current), draft);
}
