import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { listShopItemsRoute } from '../../../shared/http/routes/shop';
import { presentShopItems } from '../../../shared/http/shop-presenters';
import { shopViewsUseCase } from '../../../shared/wiring';

/** GET /v1/shop/items?type=&unlocked_only=: the catalog as I see it (owned, equipped, can I buy it and why not). */
export const handler = httpHandler(listShopItemsRoute, async ({ userId, query }) => {
  const items = await shopViewsUseCase().listItems(userId, {
    ...(query.type && { type: query.type }),
    ...(query.unlocked_only !== undefined && { unlockedOnly: query.unlocked_only }),
  });
  return json(200, presentShopItems(items));
});
