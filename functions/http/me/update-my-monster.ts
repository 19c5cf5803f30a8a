import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentMonster } from '../../../shared/http/shop-presenters';
import { monsterBodySchema } from '../../../shared/http/shop-schemas';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { updateMonsterAndScene } from '../../../shared/monster-wiring';

/**
 * PUT /v1/me/monster: rename or dress my monster with items I have unlocked.
 * Answers the monster and `needs_scene_regeneration`; when the look changed,
 * its new scene is started and `scene_job_id` names the job. 400 names each
 * bad field; 409 when `version` is stale (another tab changed it).
 */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const { version, ...input } = parseInput(monsterBodySchema, event.jsonBody, 'body');
  const { updated, sceneJobId } = await updateMonsterAndScene(userId, input, version);
  return json(200, presentMonster(updated, sceneJobId));
}

export const handler = httpHandler(main, { routeId: 'UpdateMyMonster', body: true });
