import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentShopItems } from '../../../shared/http/shop-presenters';
import { shopItemsQuerySchema } from '../../../shared/http/shop-schemas';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { shopViewsUseCase } from '../../../shared/wiring';

/** GET /v1/shop/items?type=&unlocked_only=: the catalog as I see it (owned, equipped, can I buy it and why not). */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const query = parseInput(shopItemsQuerySchema, event.queryStringParameters ?? {}, 'query');
  const items = await shopViewsUseCase().listItems(userId, {
    ...(query.type && { type: query.type }),
    ...(query.unlocked_only !== undefined && { unlockedOnly: query.unlocked_only }),
  });
  return json(200, presentShopItems(items));
}

export const handler = httpHandler(main, { routeId: 'ListShopItems' });
