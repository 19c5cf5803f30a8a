import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { presentHistory } from '../../../shared/http/presenters';
import { historyQuerySchema } from '../../../shared/http/request-schemas';
import { json } from '../../../shared/http/responses';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { listHistoryUseCase } from '../../../shared/wiring';

/** GET /v1/me/history?limit&cursor: my ledger, newest first. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const query = parseInput(historyQuerySchema, event.queryStringParameters ?? {}, 'query');
  const page = await listHistoryUseCase()(userId, { limit: query.limit, cursor: query.cursor });
  return json(200, presentHistory(page));
}

export const handler = httpHandler(main, { routeId: 'GetMyHistory' });
