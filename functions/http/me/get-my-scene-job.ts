import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { getMySceneJobRoute } from '../../../shared/http/routes/scenes';
import { presentSceneJob } from '../../../shared/http/scene-presenters';
import { sceneRequests } from '../../../shared/scenes/scene-request-wiring';

/** GET /v1/me/scenes/jobs/{job_id}: one of my scene jobs; another user's job is 404. */
export const handler = httpHandler(getMySceneJobRoute, async ({ userId, path }) => {
  const scenes = sceneRequests();
  return json(200, presentSceneJob(await scenes.getSceneJob(userId, path.job_id), scenes.imagesBaseUrl));
});
