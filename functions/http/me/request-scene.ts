import { ESTIMATED_SCENE_SECONDS } from '../../../shared/app/request-scene';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { requestSceneRoute } from '../../../shared/http/routes/scenes';
import { presentSceneRequested } from '../../../shared/http/scene-presenters';
import { sceneRequests } from '../../../shared/scenes/scene-request-wiring';

/**
 * POST /v1/me/scenes: draw my scene (default: my current level). 202 with the
 * job to poll (Location); 422 for a level not reached yet; 429 with
 * Retry-After within five minutes of my last request.
 */
export const handler = httpHandler(requestSceneRoute, async ({ userId, body }) => {
  const job = await sceneRequests().requestScene({
    userId,
    trigger: 'requested',
    ...(body.scene_level !== undefined && { sceneLevel: body.scene_level }),
    ...(body.regenerate !== undefined && { regenerate: body.regenerate }),
  });
  return json(202, presentSceneRequested(job, ESTIMATED_SCENE_SECONDS), {
    location: `/v1/me/scenes/jobs/${job.jobId}`,
  });
});
