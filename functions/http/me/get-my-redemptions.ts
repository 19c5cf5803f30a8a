import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { getMyRedemptionsRoute } from '../../../shared/http/routes/shop';
import { presentRedemptions } from '../../../shared/http/shop-presenters';
import { shopViewsUseCase } from '../../../shared/wiring';

/** GET /v1/me/redemptions?limit=&cursor=: my redemptions, newest first. */
export const handler = httpHandler(getMyRedemptionsRoute, async ({ userId, query: { limit, cursor } }) => {
  const page = await shopViewsUseCase().listRedemptions(userId, { limit, ...(cursor && { cursor }) });
  return json(200, presentRedemptions(page));
});
