import { createHash } from 'node:crypto';
import type { SceneJob } from '../domain/scenes/scene-job';
import type { SceneRequest } from './request-scene';

/**
 * What the game itself starts scenes for: an XP milestone crossed (the new
 * level's scene) and a monster whose look changed (the current level's,
 * drawn again). Neither takes the user's request cooldown. Each job id comes
 * from the trigger, so a redelivered trigger starts the one job it started.
 */
export function makeSceneTriggers(deps: { requestScene: (request: SceneRequest) => Promise<SceneJob> }) {
  return {
    /** `milestone.reached`: its metadata id names the trigger */
    onMilestone(milestone: { userId: string; sceneLevel: number; eventId: string }): Promise<SceneJob> {
      return deps.requestScene({
        userId: milestone.userId,
        sceneLevel: milestone.sceneLevel,
        trigger: 'milestone',
        jobId: triggeredJobId('milestone', milestone.userId, milestone.eventId),
      });
    },

    /** A monster change the scene shows: the stored version names the trigger */
    onMonsterChanged(change: { userId: string; version: number }): Promise<SceneJob> {
      return deps.requestScene({
        userId: change.userId,
        trigger: 'monster_changed',
        jobId: triggeredJobId('monster', change.userId, String(change.version)),
      });
    },
  };
}

/**
 * The job id of a scene the game started: the same trigger gives the same
 * id, and two users' triggers never share one (Step Functions names an
 * execution by it, uniquely per state machine: letters, digits, - and _).
 */
export function triggeredJobId(trigger: 'milestone' | 'monster', userId: string, key: string): string {
  const digest = createHash('sha256').update(`${userId}\u0000${key}`).digest('base64url').slice(0, 32);
  return `${trigger}-${digest}`;
}
