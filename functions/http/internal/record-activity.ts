import { toActivity } from '../../../events/activity-completed.v1';
import { requireIamCaller } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { presentOutcome } from '../../../shared/http/presenters';
import { recordActivityBodySchema } from '../../../shared/http/request-schemas';
import { json } from '../../../shared/http/responses';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { activeRules, recordActivityUseCase } from '../../../shared/wiring';

/** POST /v1/internal/activities: 201 for a new outcome, 200 (duplicate) for a replay. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  requireIamCaller(event);
  const input = parseInput(recordActivityBodySchema, event.jsonBody, 'body');
  const result = await recordActivityUseCase()(toActivity(input));
  return json(result.duplicate ? 200 : 201, presentOutcome(activeRules(), result));
}

export const handler = httpHandler(main, { routeId: 'RecordActivity', body: true });
