import { defineRoute } from '../define-route';
import {
  boardPathSchema,
  leaderboardQuerySchema,
  leaderboardResponseSchema,
  leaderboardsResponseSchema,
  myStandingQuerySchema,
  myStandingResponseSchema,
} from '../leaderboard-schemas';
import { PUBLIC_ROUTE_THROTTLE } from '../route-throttles';

/** The boards the rules define, their tops and my standing on each. */

export const listLeaderboardsRoute = defineRoute({
  id: 'ListLeaderboards',
  method: 'GET',
  path: '/v1/leaderboards',
  entry: 'functions/http/leaderboards/list-leaderboards.ts',
  auth: 'public',
  table: 'none',
  summary: 'The leaderboards: what each ranks, its windows and the key of each current period',
  throttle: PUBLIC_ROUTE_THROTTLE,
  responses: {
    200: {
      description: 'The boards, their windows and the current period of each',
      schema: leaderboardsResponseSchema,
      name: 'LeaderboardsResponse',
    },
  },
  errors: [],
});

export const getLeaderboardRoute = defineRoute({
  id: 'GetLeaderboard',
  method: 'GET',
  path: '/v1/leaderboards/{board}',
  entry: 'functions/http/leaderboards/get-leaderboard.ts',
  auth: 'jwt',
  table: 'read',
  summary: 'The top of a board for a period (all time, this week, this month, a past one): up to 100 rows',
  request: { path: boardPathSchema, query: leaderboardQuerySchema },
  responses: {
    200: {
      description: 'The top of the board',
      schema: leaderboardResponseSchema,
      name: 'LeaderboardResponse',
    },
  },
  errors: [404],
});

export const getMyLeaderboardStandingRoute = defineRoute({
  id: 'GetMyLeaderboardStanding',
  method: 'GET',
  path: '/v1/leaderboards/{board}/me',
  entry: 'functions/http/leaderboards/get-my-leaderboard-standing.ts',
  auth: 'jwt',
  table: 'read',
  summary: 'My exact rank on a board, score, percentile, total, and my neighbours above and below',
  request: { path: boardPathSchema, query: myStandingQuerySchema },
  responses: {
    200: {
      description: 'My exact rank with my neighbours (ranked true), or why I have none (ranked false)',
      schema: myStandingResponseSchema,
      name: 'MyStandingResponse',
    },
  },
  errors: [404],
});
