import type { MonsterUpdated } from '../../../shared/app/monster-use-cases';
import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentMonster } from '../../../shared/http/shop-presenters';
import { monsterBodySchema } from '../../../shared/http/shop-schemas';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { monsterUseCases } from '../../../shared/monster-wiring';
import { logger } from '../../../shared/observability';
import { sceneRequests } from '../../../shared/scenes/scene-request-wiring';

/**
 * PUT /v1/me/monster: rename or dress my monster with items I have unlocked.
 * Answers the monster and `needs_scene_regeneration`; when the look changed,
 * its new scene is started and `scene_job_id` names the job. 400 names each
 * bad field; 409 when `version` is stale (another tab changed it).
 */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const { version, ...input } = parseInput(monsterBodySchema, event.jsonBody, 'body');
  const updated = await monsterUseCases().updateMonster(userId, input, version);
  return json(200, presentMonster(updated, await startScene(userId, updated)));
}

/**
 * The monster is saved whatever happens here: a scene that cannot start is
 * logged (its job, if made, is failed with start_failed), and the user keeps
 * the scene they had until the next change or request.
 */
async function startScene(userId: string, updated: MonsterUpdated): Promise<string | null> {
  if (!updated.needsSceneRegeneration) return null;
  try {
    const job = await sceneRequests().triggers.onMonsterChanged({ userId, version: updated.version });
    return job.jobId;
  } catch (error) {
    logger.error('the scene of a changed monster did not start', { error });
    return null;
  }
}

export const handler = httpHandler(main, { routeId: 'UpdateMyMonster', body: true });
