import type { Milestone } from '../rules/schema';

/** Scene level = how many milestones the XP has reached (milestones rise, per the schema). */
export function sceneLevelForXp(milestones: readonly Milestone[], xp: number): number {
  let level = 0;
  for (const m of milestones) {
    if (m.xp <= xp) level = m.scene_level;
    else break;
  }
  return level;
}

/** The first milestone above the XP, or null when all are reached. */
export function nextMilestone(milestones: readonly Milestone[], xp: number): Milestone | null {
  return milestones.find((m) => m.xp > xp) ?? null;
}

/** Milestones newly reached when the scene level moves from `fromScene` to cover `toXp`. */
export function milestonesCrossed(
  milestones: readonly Milestone[],
  fromScene: number,
  toXp: number,
): Milestone[] {
  return milestones.filter((m) => m.scene_level > fromScene && m.xp <= toXp);
}
