import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { listMyScenesRoute } from '../../../shared/http/routes/scenes';
import { presentScenes } from '../../../shared/http/scene-presenters';
import { sceneRequests } from '../../../shared/scenes/scene-request-wiring';

/** GET /v1/me/scenes: my gallery, one scene per level drawn so far. */
export const handler = httpHandler(listMyScenesRoute, async ({ userId }) => {
  const scenes = sceneRequests();
  return json(200, presentScenes(await scenes.listScenes(userId), scenes.imagesBaseUrl));
});
