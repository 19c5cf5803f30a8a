import { httpHandler } from '../../../shared/http/http-handler';
import { presentOutcome } from '../../../shared/http/presenters';
import { toAdjustment } from '../../../shared/http/request-schemas';
import { json } from '../../../shared/http/responses';
import { adjustUserBalanceRoute } from '../../../shared/http/routes/internal';
import { activeRules, adjustBalanceUseCase } from '../../../shared/wiring';

/** POST /v1/internal/users/{id}/adjustments: 201 for a new outcome, 200 (duplicate) for a replay. */
export const handler = httpHandler(adjustUserBalanceRoute, async ({ path, body }) => {
  const result = await adjustBalanceUseCase()(toAdjustment(path.id, body));
  return json(result.duplicate ? 200 : 201, presentOutcome(activeRules(), result));
});
