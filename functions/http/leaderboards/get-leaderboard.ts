import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { presentBoardTop } from '../../../shared/http/leaderboard-presenters';
import { boardPathSchema, leaderboardQuerySchema } from '../../../shared/http/leaderboard-schemas';
import { json } from '../../../shared/http/responses';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { leaderboardViewsUseCase } from '../../../shared/wiring';

/** GET /v1/leaderboards/{board}?period=&limit=: the top rows of a board's period (404 for an unknown board). */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const { board } = parseInput(boardPathSchema, event.pathParameters ?? {}, 'path');
  const query = parseInput(leaderboardQuerySchema, event.queryStringParameters ?? {}, 'query');
  const top = await leaderboardViewsUseCase().top(board, {
    limit: query.limit,
    ...(query.period !== undefined && { period: query.period }),
  });
  return json(200, presentBoardTop(top, userId));
}

export const handler = httpHandler(main, { routeId: 'GetLeaderboard' });
