import { httpHandler } from '../../../shared/http/http-handler';
import { presentHistory } from '../../../shared/http/presenters';
import { json } from '../../../shared/http/responses';
import { getMyHistoryRoute } from '../../../shared/http/routes/me';
import { listHistoryUseCase } from '../../../shared/wiring';

/** GET /v1/me/history?limit&cursor: my ledger, newest first. */
export const handler = httpHandler(getMyHistoryRoute, async ({ userId, query }) => {
  const page = await listHistoryUseCase()(userId, { limit: query.limit, cursor: query.cursor });
  return json(200, presentHistory(page));
});
