import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { updateMyMonsterRoute } from '../../../shared/http/routes/shop';
import { presentMonster } from '../../../shared/http/shop-presenters';
import { updateMonsterAndScene } from '../../../shared/monster-wiring';

/**
 * PUT /v1/me/monster: rename or dress my monster with items I have unlocked.
 * Answers the monster and `needs_scene_regeneration`; when the look changed,
 * its new scene is started and `scene_job_id` names the job. 400 names each
 * bad field; 409 when `version` is stale (another tab changed it).
 */
export const handler = httpHandler(updateMyMonsterRoute, async ({ userId, body }) => {
  const { version, ...input } = body;
  const { updated, sceneJobId } = await updateMonsterAndScene(userId, input, version);
  return json(200, presentMonster(updated, sceneJobId));
});
