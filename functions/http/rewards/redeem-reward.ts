import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { redeemRewardRoute } from '../../../shared/http/routes/shop';
import { presentRedeemed } from '../../../shared/http/shop-presenters';
import { purchaseEventId } from '../../../shared/http/shop-schemas';
import { redeemRewardUseCase } from '../../../shared/wiring';

/**
 * POST /v1/rewards/{id}/redeem: 201 with the redemption (200 for a replayed
 * Idempotency-Key); 422 insufficient_coins, per_user_limit_reached or
 * out_of_stock, with nothing written.
 */
export const handler = httpHandler(redeemRewardRoute, async ({ userId, path, headers, event }) => {
  const eventId = purchaseEventId(headers['idempotency-key'], event);
  const redeemed = await redeemRewardUseCase()({ userId, rewardId: path.id, eventId });
  return json(redeemed.duplicate ? 200 : 201, presentRedeemed(redeemed));
});
