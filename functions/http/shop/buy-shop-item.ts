import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentItemBought } from '../../../shared/http/shop-presenters';
import { idempotencyKeyOf, itemPathSchema } from '../../../shared/http/shop-schemas';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { buyShopItemUseCase } from '../../../shared/wiring';

/**
 * POST /v1/shop/items/{code}/unlock: buy an item with coins (201; 200 for a
 * replayed Idempotency-Key). 422 with a code when refused; nothing written.
 */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const { code } = parseInput(itemPathSchema, event.pathParameters ?? {}, 'path');
  const eventId = idempotencyKeyOf(event);
  const bought = await buyShopItemUseCase()({ userId, code, eventId });
  return json(bought.duplicate ? 200 : 201, presentItemBought(bought));
}

export const handler = httpHandler(main, { routeId: 'BuyShopItem' });
