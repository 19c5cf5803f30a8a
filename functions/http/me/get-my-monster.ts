import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentMonster } from '../../../shared/http/shop-presenters';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { monsterUseCases } from '../../../shared/monster-wiring';

/** GET /v1/me/monster: my monster (the default one until I change it), scene level and progress. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  return json(200, presentMonster(await monsterUseCases().getMonster(userId)));
}

export const handler = httpHandler(main, { routeId: 'GetMyMonster' });
