import { boardSummaries } from '../../../shared/app/leaderboard-views';
import { httpHandler } from '../../../shared/http/http-handler';
import { presentBoards } from '../../../shared/http/leaderboard-presenters';
import { json } from '../../../shared/http/responses';
import { listLeaderboardsRoute } from '../../../shared/http/routes/leaderboards';
import { loadActiveRules } from '../../../shared/rules/active-rules';

const rules = loadActiveRules();

/**
 * GET /v1/leaderboards: public, and touches no table (no wiring import, no
 * TABLE_NAME needed): the boards come from the rules. Caches may keep it a
 * minute; a current period key is at most that late after a window turns.
 */
export const handler = httpHandler(listLeaderboardsRoute, async () =>
  json(200, presentBoards(boardSummaries(rules, new Date())), { 'cache-control': 'public, max-age=60' }),
);
