import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { listRewardsRoute } from '../../../shared/http/routes/shop';
import { presentRewards } from '../../../shared/http/shop-presenters';
import { shopViewsUseCase } from '../../../shared/wiring';

/** GET /v1/rewards: what coins can be redeemed for, with the stock left and my own count. */
export const handler = httpHandler(listRewardsRoute, async ({ userId }) =>
  json(200, presentRewards(await shopViewsUseCase().listRewards(userId))),
);
