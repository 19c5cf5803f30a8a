/**
 * The HTTP route table: read by the CDK stateless stack (one function and one
 * API Gateway route each) and by the local runtime (same handlers, API Gateway
 * v2-shaped events). Add a route here and both pick it up.
 */

/** jwt: end users (Cognito or OIDC `sub`); iam: service-to-service (SigV4); public: no auth. */
export type RouteAuth = 'jwt' | 'iam' | 'public';

/**
 * What a function may do with the table; CDK grants exactly this. The stats
 * levels reach only the unlock statistics partition (STATS#ACHIEVEMENTS),
 * never a user's items: 'read-stats' for the public catalog, 'write-stats'
 * for the stream consumer that keeps the counts.
 */
export type TableAccess = 'none' | 'read' | 'read-write' | 'read-stats' | 'write-stats';

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
  },
  {
    id: 'ListShopItems',
    method: 'GET',
    path: '/v1/shop/items',
    entry: 'functions/http/shop/list-shop-items.ts',
    auth: 'jwt',
    table: 'read',
    summary: 'The shop catalog as I see it: price, requirement, unlocked, equipped, can I buy it',
  },
  {
    id: 'BuyShopItem',
    method: 'POST',
    path: '/v1/shop/items/{code}/unlock',
    entry: 'functions/http/shop/buy-shop-item.ts',
    auth: 'jwt',
    table: 'read-write',
    summary: 'Buy a shop item with coins, in one transaction',
  },
  {
    id: 'ListRewards',
    method: 'GET',
    path: '/v1/rewards',
    entry: 'functions/http/rewards/list-rewards.ts',
    auth: 'jwt',
    table: 'read',
    summary: 'Rewards to redeem coins for, with the stock left',
  },
  {
    id: 'RedeemReward',
    method: 'POST',
    path: '/v1/rewards/{id}/redeem',
    entry: 'functions/http/rewards/redeem-reward.ts',
    auth: 'jwt',
    table: 'read-write',
    summary: 'Redeem a reward: coins, stock and my limit in one transaction',
  },
  {
    id: 'GetMyRedemptions',
    method: 'GET',
    path: '/v1/me/redemptions',
    entry: 'functions/http/me/get-my-redemptions.ts',
    auth: 'jwt',
    table: 'read',
    summary: 'My reward redemptions, newest first',
  },
  {
    id: 'GetMyMonster',
    method: 'GET',
    path: '/v1/me/monster',
    entry: 'functions/http/me/get-my-monster.ts',
    auth: 'jwt',
    table: 'read',
    scenes: 'read',
    summary: 'My monster avatar, its scene level and progress',
  },
  {
    id: 'UpdateMyMonster',
    method: 'PUT',
    path: '/v1/me/monster',
    entry: 'functions/http/me/update-my-monster.ts',
    auth: 'jwt',
    table: 'read-write',
    // a change the scene shows draws it again
    scenes: 'start',
    summary: 'Rename or dress my monster with unlocked items; a new look starts a new scene',
  },
  {
    id: 'RequestScene',
    method: 'POST',
    path: '/v1/me/scenes',
    entry: 'functions/http/me/request-scene.ts',
    auth: 'jwt',
    table: 'read-write',
    scenes: 'start',
    summary: 'Draw my scene (a level reached, default the current one); once per 5 minutes',
  },
  {
    id: 'GetMySceneJob',
    method: 'GET',
    path: '/v1/me/scenes/jobs/{job_id}',
    entry: 'functions/http/me/get-my-scene-job.ts',
    auth: 'jwt',
    table: 'read',
    scenes: 'read',
    summary: 'One of my scene jobs: status, progress, the image and thumbnails, or the error code',
  },
  {
    id: 'ListMyScenes',
    method: 'GET',
    path: '/v1/me/scenes',
    entry: 'functions/http/me/list-my-scenes.ts',
    auth: 'jwt',
    table: 'read',
    scenes: 'read',
    summary: 'My scene gallery: one scene per level drawn so far',
  },
  {
    id: 'ListLeaderboards',
    method: 'GET',
    path: '/v1/leaderboards',
    entry: 'functions/http/leaderboards/list-leaderboards.ts',
    auth: 'public',
    table: 'none',
    summary: 'The leaderboards: what each ranks, its windows and the key of each current period',
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
  {
    id: 'GetOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    entry: 'functions/http/docs/get-openapi.ts',
    auth: 'public',
    table: 'none',
    summary: 'This API as an OpenAPI 3.1 document',
  },
];
