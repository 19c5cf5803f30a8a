import { httpHandler } from '../../../shared/http/http-handler';
import type { RulesResponse } from '../../../shared/http/response-schemas';
import { json } from '../../../shared/http/responses';
import { getRulesRoute } from '../../../shared/http/routes/internal';
import { loadActiveRules } from '../../../shared/rules/active-rules';
import { rulesVersionOf } from '../../../shared/rules/version';

const rules = loadActiveRules();
const version = rulesVersionOf(rules);

/** GET /v1/internal/rules: the rules this deployment plays by, and their version. Touches no table. */
export const handler = httpHandler(getRulesRoute, async () => {
  const answer: RulesResponse = {
    version: version.id,
    ...(version.label !== undefined && { label: version.label }),
    rules,
  };
  return json(200, answer);
});
