import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { getMyMonsterRoute } from '../../../shared/http/routes/shop';
import { presentMonster } from '../../../shared/http/shop-presenters';
import { monsterUseCases } from '../../../shared/monster-wiring';

/** GET /v1/me/monster: my monster (the default one until I change it), scene level and progress. */
export const handler = httpHandler(getMyMonsterRoute, async ({ userId }) =>
  json(200, presentMonster(await monsterUseCases().getMonster(userId))),
);
