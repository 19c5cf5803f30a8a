import { httpHandler } from '../../../shared/http/http-handler';
import { presentMyStanding } from '../../../shared/http/leaderboard-presenters';
import { json } from '../../../shared/http/responses';
import { getMyLeaderboardStandingRoute } from '../../../shared/http/routes/leaderboards';
import { leaderboardViewsUseCase } from '../../../shared/wiring';

/**
 * GET /v1/leaderboards/{board}/me?period=&around=: my exact rank, score,
 * percentile and neighbours; 200 with ranked false (and why) when I have no
 * rank there. The user is the token's subject, never a parameter.
 */
export const handler = httpHandler(getMyLeaderboardStandingRoute, async ({ userId, path, query }) => {
  const standing = await leaderboardViewsUseCase().me(userId, path.board, {
    around: query.around,
    ...(query.period !== undefined && { period: query.period }),
  });
  return json(200, presentMyStanding(standing));
});
