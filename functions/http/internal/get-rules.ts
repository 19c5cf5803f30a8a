import { requireIamCaller } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import type { RulesResponse } from '../../../shared/http/response-schemas';
import { json } from '../../../shared/http/responses';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { loadActiveRules } from '../../../shared/rules/active-rules';
import { rulesVersionOf } from '../../../shared/rules/version';

const rules = loadActiveRules();
const version = rulesVersionOf(rules);

/** GET /v1/internal/rules: the rules this deployment plays by, and their version. Touches no table. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  requireIamCaller(event);
  const answer: RulesResponse = {
    version: version.id,
    ...(version.label !== undefined && { label: version.label }),
    rules,
  };
  return json(200, answer);
}

export const handler = httpHandler(main, { routeId: 'GetRules' });
