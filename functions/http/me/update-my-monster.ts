import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentMonster } from '../../../shared/http/shop-presenters';
import { monsterBodySchema } from '../../../shared/http/shop-schemas';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { getApp } from '../../../shared/wiring';

/**
 * PUT /v1/me/monster: rename or dress my monster with items I have unlocked.
 * Answers the monster and `needs_scene_regeneration`; 400 names each bad
 * field; 409 when `version` is stale (another tab changed it).
 */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const { version, ...input } = parseInput(monsterBodySchema, event.jsonBody, 'body');
  return json(200, presentMonster(await getApp().monsters.updateMonster(userId, input, version)));
}

export const handler = httpHandler(main, { routeId: 'UpdateMyMonster', body: true });
