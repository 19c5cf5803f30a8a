/**
 * The HTTP route table: read by the CDK stateless stack (one function and one
 * API Gateway route each) and by the local runtime (same handlers, API Gateway
 * v2-shaped events). Add a route here (or in its area's file: shop-routes.ts,
 * scene-routes.ts, leaderboard-routes.ts) and both pick it up.
 */

import type { TableAccess } from '../table-access';
import { leaderboardRoutes } from './leaderboard-routes';
import { PUBLIC_ROUTE_THROTTLE, type RouteThrottle } from './route-throttles';
import { sceneRoutes } from './scene-routes';
import { shopRoutes } from './shop-routes';

/** jwt: end users (Cognito or OIDC `sub`); iam: service-to-service (SigV4); public: no auth. */
export type RouteAuth = 'jwt' | 'iam' | 'public';

/**
 * What a function does with monster scenes: 'read' shows them (it gets the
 * images' base URL), 'start' also starts the scene workflow (it gets the
 * state machine's ARN and states:StartExecution on it, nothing more).
 */
export type SceneAccess = 'read' | 'start';

export interface RouteDefinition {
  /** stable name: the function's logical id and its metric dimension */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path with {params} */
  path: string;
  /** handler module relative to the repository root; it exports `handler` */
  entry: string;
  auth: RouteAuth;
  table: TableAccess;
  scenes?: SceneAccess;
  summary: string;
  /** this route's own limit on AWS, below the stage's (requests per second, and the burst) */
  throttle?: RouteThrottle;
}

export const routes: readonly RouteDefinition[] = [
  {
    id: 'RecordActivity',
    method: 'POST',
    path: '/v1/internal/activities',
    entry: 'functions/http/internal/record-activity.ts',
    auth: 'iam',
    table: 'read-write',
    summary: 'Record an activity; awards XP and coins by the rules',
  },
  {
    id: 'AdjustUserBalance',
    method: 'POST',
    path: '/v1/internal/users/{id}/adjustments',
    entry: 'functions/http/internal/adjust-user-balance.ts',
    auth: 'iam',
    table: 'read-write',
    summary: "Grant or deduct a user's XP or coins, with a reason",
  },
  {
    id: 'GetRules',
    method: 'GET',
    path: '/v1/internal/rules',
    entry: 'functions/http/internal/get-rules.ts',
    auth: 'iam',
    table: 'none',
    summary: 'The rules in effect, with their version',
  },
  {
    id: 'GetUser',
    method: 'GET',
    path: '/v1/internal/users/{id}',
    entry: 'functions/http/internal/get-user.ts',
    auth: 'iam',
    table: 'read',
    summary: "Read any user's profile",
  },
  {
    id: 'UpdateUser',
    method: 'PATCH',
    path: '/v1/internal/users/{id}',
    entry: 'functions/http/internal/update-user.ts',
    auth: 'iam',
    table: 'read-write',
    summary: "Set a user's VIP tier, time zone, display name or leaderboard visibility",
  },
  {
    id: 'GetMe',
    method: 'GET',
    path: '/v1/me',
    entry: 'functions/http/me/get-me.ts',
    auth: 'jwt',
    table: 'read',
    summary: 'My profile: XP, level, title, coins, scene level, next milestone',
  },
  {
    id: 'GetMyHistory',
    method: 'GET',
    path: '/v1/me/history',
    entry: 'functions/http/me/get-my-history.ts',
    auth: 'jwt',
    table: 'read',
    summary: 'My ledger, newest first, with cursor pagination',
  },
  {
    id: 'GetMyStreaks',
    method: 'GET',
    path: '/v1/me/streaks',
    entry: 'functions/http/me/get-my-streaks.ts',
    auth: 'jwt',
    table: 'read',
    summary: 'My streaks: status, at risk, hours left today, freezes held, next milestone, health',
  },
  {
    id: 'FreezeStreak',
    method: 'POST',
    path: '/v1/me/streaks/{type}/freeze',
    entry: 'functions/http/me/freeze-streak.ts',
    auth: 'jwt',
    table: 'read-write',
    summary: 'Spend a held streak freeze on today, or buy one with coins ({"buy": true, "event_id"})',
  },
  {
    id: 'GetMyAchievements',
    method: 'GET',
    path: '/v1/me/achievements',
    entry: 'functions/http/me/get-my-achievements.ts',
    auth: 'jwt',
    table: 'read',
    summary: 'My achievements: unlocked with dates, in progress, the three closest',
  },
  {
    id: 'ListAchievements',
    method: 'GET',
    path: '/v1/achievements',
    entry: 'functions/http/achievements/list-achievements.ts',
    auth: 'public',
    table: 'read-stats',
    summary: 'The achievement catalog, hidden ones masked, with the share of users who unlocked each',
    throttle: PUBLIC_ROUTE_THROTTLE,
  },
  ...shopRoutes,
  ...sceneRoutes,
  ...leaderboardRoutes,
  {
    id: 'GetOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    entry: 'functions/http/docs/get-openapi.ts',
    auth: 'public',
    table: 'none',
    summary: 'This API as an OpenAPI 3.1 document',
    throttle: PUBLIC_ROUTE_THROTTLE,
  },
];
