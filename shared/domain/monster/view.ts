import type { Rules } from '../../rules/schema';
import { nextMilestone } from '../milestones';
import type { SceneImageUrls } from '../scenes/scene-images';
import type { Profile } from '../types';
import { catalogItem, type Monster } from './monster';

/** What GET /v1/me/monster shows (camelCase here; the HTTP layer maps to snake_case). */
export interface MonsterView {
  name: string;
  /** name is null when the catalog no longer has the color */
  baseColor: { code: string; name: string | null };
  customizations: { accessories: string[]; clothing: string[]; features: string[]; patterns: string[] };
  sceneLevel: number;
  /** the scene the monster stands in (see sceneToShow); null until a scene image exists */
  scene: SceneImageUrls | null;
  xp: number;
  /** null once every milestone is reached */
  nextMilestone: { sceneLevel: number; xp: number; xpRemaining: number } | null;
  /**
   * Whole percent (floored, 0..100) of the way from the last milestone reached
   * (or 0 XP) to the next one; 100 once every milestone is reached. Floored so
   * 100 is only shown when the milestone really is reached.
   */
  progressPercent: number;
}

export function monsterView(
  rules: Rules,
  profile: Profile,
  monster: Monster,
  scene: SceneImageUrls | null,
): MonsterView {
  const color = catalogItem(rules, monster.baseColor);
  const next = nextMilestone(rules.milestones, profile.xp);
  return {
    name: monster.name,
    baseColor: { code: monster.baseColor, name: color?.type === 'color' ? color.name : null },
    customizations: {
      accessories: [...monster.accessories],
      clothing: [...monster.clothing],
      features: [...monster.features],
      patterns: [...monster.patterns],
    },
    sceneLevel: profile.sceneLevel,
    scene,
    xp: profile.xp,
    nextMilestone: next
      ? { sceneLevel: next.scene_level, xp: next.xp, xpRemaining: next.xp - profile.xp }
      : null,
    progressPercent: next ? progressToward(rules, profile.xp, next.xp) : 100,
  };
}

function progressToward(rules: Rules, xp: number, nextXp: number): number {
  // The milestones rise (the schema checks it), so the last one at or below xp is where this stretch began.
  const start = rules.milestones.filter((m) => m.xp <= xp).at(-1)?.xp ?? 0;
  const percent = Math.floor(((xp - start) * 100) / (nextXp - start));
  return Math.min(100, Math.max(0, percent));
}
