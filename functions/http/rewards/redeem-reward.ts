import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentRedeemed } from '../../../shared/http/shop-presenters';
import { idempotencyKeyOf, rewardPathSchema } from '../../../shared/http/shop-schemas';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { redeemRewardUseCase } from '../../../shared/wiring';

/**
 * POST /v1/rewards/{id}/redeem: 201 with the redemption (200 for a replayed
 * Idempotency-Key); 422 insufficient_coins, per_user_limit_reached or
 * out_of_stock, with nothing written.
 */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const { id } = parseInput(rewardPathSchema, event.pathParameters ?? {}, 'path');
  const redeemed = await redeemRewardUseCase()({ userId, rewardId: id, eventId: idempotencyKeyOf(event) });
  return json(redeemed.duplicate ? 200 : 201, presentRedeemed(redeemed));
}

export const handler = httpHandler(main, { routeId: 'RedeemReward' });
