import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { buyShopItemRoute } from '../../../shared/http/routes/shop';
import { presentItemBought } from '../../../shared/http/shop-presenters';
import { purchaseEventId } from '../../../shared/http/shop-schemas';
import { buyShopItemUseCase } from '../../../shared/wiring';

/**
 * POST /v1/shop/items/{code}/unlock: buy an item with coins (201; 200 for a
 * replayed Idempotency-Key). 422 with a code when refused; nothing written.
 */
export const handler = httpHandler(buyShopItemRoute, async ({ userId, path, headers, event }) => {
  const eventId = purchaseEventId(headers['idempotency-key'], event);
  const bought = await buyShopItemUseCase()({ userId, code: path.code, eventId });
  return json(bought.duplicate ? 200 : 201, presentItemBought(bought));
});
