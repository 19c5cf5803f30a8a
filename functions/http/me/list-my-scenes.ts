import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentScenes } from '../../../shared/http/scene-presenters';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { sceneRequests } from '../../../shared/scenes/scene-request-wiring';

/** GET /v1/me/scenes: my gallery, one scene per level drawn so far. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const scenes = sceneRequests();
  return json(200, presentScenes(await scenes.listScenes(userId), scenes.imagesBaseUrl));
}

export const handler = httpHandler(main, { routeId: 'ListMyScenes' });
