import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentRewards } from '../../../shared/http/shop-presenters';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { shopViewsUseCase } from '../../../shared/wiring';

/** GET /v1/rewards: what coins can be redeemed for, with the stock left and my own count. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  return json(200, presentRewards(await shopViewsUseCase().listRewards(userId)));
}

export const handler = httpHandler(main, { routeId: 'ListRewards' });
