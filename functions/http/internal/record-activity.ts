import { toActivity } from '../../../events/activity-completed.v1';
import { httpHandler } from '../../../shared/http/http-handler';
import { presentOutcome } from '../../../shared/http/presenters';
import { json } from '../../../shared/http/responses';
import { recordActivityRoute } from '../../../shared/http/routes/internal';
import { activeRules, recordActivityUseCase } from '../../../shared/wiring';

/** POST /v1/internal/activities: 201 for a new outcome, 200 (duplicate) for a replay. */
export const handler = httpHandler(recordActivityRoute, async ({ body }) => {
  const result = await recordActivityUseCase()(toActivity(body));
  return json(result.duplicate ? 200 : 201, presentOutcome(activeRules(), result));
});
