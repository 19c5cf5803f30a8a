import { httpHandler } from '../../../shared/http/http-handler';
import { presentBoardTop } from '../../../shared/http/leaderboard-presenters';
import { json } from '../../../shared/http/responses';
import { getLeaderboardRoute } from '../../../shared/http/routes/leaderboards';
import { leaderboardViewsUseCase } from '../../../shared/wiring';

/** GET /v1/leaderboards/{board}?period=&limit=: the top rows of a board's period (404 for an unknown board). */
export const handler = httpHandler(getLeaderboardRoute, async ({ userId, path, query }) => {
  const top = await leaderboardViewsUseCase().top(path.board, {
    limit: query.limit,
    ...(query.period !== undefined && { period: query.period }),
  });
  return json(200, presentBoardTop(top, userId));
});
