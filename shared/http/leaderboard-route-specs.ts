import {
  boardPathSchema,
  leaderboardQuerySchema,
  leaderboardResponseSchema,
  leaderboardsResponseSchema,
  myStandingQuerySchema,
  myStandingResponseSchema,
} from './leaderboard-schemas';
import type { RouteSpec } from './route-specs';

/** The leaderboard routes' part of route-specs.ts. */
export const leaderboardRouteSpecs = {
  ListLeaderboards: {
    responses: {
      200: {
        description: 'The boards, their windows and the current period of each',
        schema: leaderboardsResponseSchema,
        name: 'LeaderboardsResponse',
      },
    },
    errors: [],
  },
  GetLeaderboard: {
    path: boardPathSchema,
    query: leaderboardQuerySchema,
    responses: {
      200: {
        description: 'The top of the board',
        schema: leaderboardResponseSchema,
        name: 'LeaderboardResponse',
      },
    },
    errors: [400, 401, 404],
  },
  GetMyLeaderboardStanding: {
    path: boardPathSchema,
    query: myStandingQuerySchema,
    responses: {
      200: {
        description: 'My exact rank with my neighbours (ranked true), or why I have none (ranked false)',
        schema: myStandingResponseSchema,
        name: 'MyStandingResponse',
      },
    },
    errors: [400, 401, 404],
  },
} satisfies Record<string, RouteSpec>;
