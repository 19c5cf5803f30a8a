import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentRedemptions } from '../../../shared/http/shop-presenters';
import { redemptionsQuerySchema } from '../../../shared/http/shop-schemas';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { shopViewsUseCase } from '../../../shared/wiring';

/** GET /v1/me/redemptions?limit=&cursor=: my redemptions, newest first. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const { limit, cursor } = parseInput(redemptionsQuerySchema, event.queryStringParameters ?? {}, 'query');
  const page = await shopViewsUseCase().listRedemptions(userId, { limit, ...(cursor && { cursor }) });
  return json(200, presentRedemptions(page));
}

export const handler = httpHandler(main, { routeId: 'GetMyRedemptions' });
