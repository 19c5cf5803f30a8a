import { ESTIMATED_SCENE_SECONDS } from '../../../shared/app/request-scene';
import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentSceneRequested } from '../../../shared/http/scene-presenters';
import { sceneRequestBodySchema } from '../../../shared/http/scene-schemas';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { sceneRequests } from '../../../shared/scenes/scene-request-wiring';

/**
 * POST /v1/me/scenes: draw my scene (default: my current level). 202 with the
 * job to poll (Location); 422 for a level not reached yet; 429 with
 * Retry-After within five minutes of my last request.
 */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const body = parseInput(sceneRequestBodySchema, event.jsonBody ?? {}, 'body');
  const job = await sceneRequests().requestScene({
    userId,
    trigger: 'requested',
    ...(body.scene_level !== undefined && { sceneLevel: body.scene_level }),
    ...(body.regenerate !== undefined && { regenerate: body.regenerate }),
  });
  return json(202, presentSceneRequested(job, ESTIMATED_SCENE_SECONDS), {
    location: `/v1/me/scenes/jobs/${job.jobId}`,
  });
}

export const handler = httpHandler(main, { routeId: 'RequestScene', body: true });
