import { requireIamCaller } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { presentOutcome } from '../../../shared/http/presenters';
import { adjustmentBodySchema, toAdjustment, userPathSchema } from '../../../shared/http/request-schemas';
import { json } from '../../../shared/http/responses';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { activeRules, adjustBalanceUseCase } from '../../../shared/wiring';

/** POST /v1/internal/users/{id}/adjustments: 201 for a new outcome, 200 (duplicate) for a replay. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  requireIamCaller(event);
  const { id } = parseInput(userPathSchema, event.pathParameters ?? {}, 'path');
  const body = parseInput(adjustmentBodySchema, event.jsonBody, 'body');
  const result = await adjustBalanceUseCase()(toAdjustment(id, body));
  return json(result.duplicate ? 200 : 201, presentOutcome(activeRules(), result));
}

export const handler = httpHandler(main, { routeId: 'AdjustUserBalance', body: true });
