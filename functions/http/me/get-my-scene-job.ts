import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentSceneJob } from '../../../shared/http/scene-presenters';
import { sceneJobPathSchema } from '../../../shared/http/scene-schemas';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { sceneRequests } from '../../../shared/scenes/scene-request-wiring';

/** GET /v1/me/scenes/jobs/{job_id}: one of my scene jobs; another user's job is 404. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const { job_id } = parseInput(sceneJobPathSchema, event.pathParameters ?? {}, 'path');
  const scenes = sceneRequests();
  return json(200, presentSceneJob(await scenes.getSceneJob(userId, job_id), scenes.imagesBaseUrl));
}

export const handler = httpHandler(main, { routeId: 'GetMySceneJob' });
