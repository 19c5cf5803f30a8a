import { PUBLIC_ROUTE_THROTTLE } from './route-throttles';
import type { RouteDefinition } from './routes';

/** The routes.ts table's leaderboard routes. */
export const leaderboardRoutes: readonly RouteDefinition[] = [
  {
    id: 'ListLeaderboards',
    method: 'GET',
    path: '/v1/leaderboards',
    entry: 'functions/http/leaderboards/list-leaderboards.ts',
    auth: 'public',
    table: 'none',
    summary: 'The leaderboards: what each ranks, its windows and the key of each current period',
    throttle: PUBLIC_ROUTE_THROTTLE,
  },
  {
    id: 'GetLeaderboard',
    method: 'GET',
    path: '/v1/leaderboards/{board}',
    entry: 'functions/http/leaderboards/get-leaderboard.ts',
    auth: 'jwt',
    table: 'read',
    summary: 'The top of a board for a period (all time, this week, this month, a past one): up to 100 rows',
  },
  {
    id: 'GetMyLeaderboardStanding',
    method: 'GET',
    path: '/v1/leaderboards/{board}/me',
    entry: 'functions/http/leaderboards/get-my-leaderboard-standing.ts',
    auth: 'jwt',
    table: 'read',
    summary: 'My exact rank on a board, score, percentile, total, and my neighbours above and below',
  },
];
