import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { presentMyStanding } from '../../../shared/http/leaderboard-presenters';
import { boardPathSchema, myStandingQuerySchema } from '../../../shared/http/leaderboard-schemas';
import { json } from '../../../shared/http/responses';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { leaderboardViewsUseCase } from '../../../shared/wiring';

/**
 * GET /v1/leaderboards/{board}/me?period=&around=: my exact rank, score,
 * percentile and neighbours; 200 with ranked false (and why) when I have no
 * rank there. The user is the token's subject, never a parameter.
 */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const { board } = parseInput(boardPathSchema, event.pathParameters ?? {}, 'path');
  const query = parseInput(myStandingQuerySchema, event.queryStringParameters ?? {}, 'query');
  const standing = await leaderboardViewsUseCase().me(userId, board, {
    around: query.around,
    ...(query.period !== undefined && { period: query.period }),
  });
  return json(200, presentMyStanding(standing));
}

export const handler = httpHandler(main, { routeId: 'GetMyLeaderboardStanding' });
