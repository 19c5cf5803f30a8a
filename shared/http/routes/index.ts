import type { HttpRoute } from '../define-route';
import { getMyAchievementsRoute, listAchievementsRoute } from './achievements';
import { getOpenApiRoute } from './docs';
import {
  adjustUserBalanceRoute,
  getRulesRoute,
  getUserRoute,
  recordActivityRoute,
  updateUserRoute,
} from './internal';
import { getLeaderboardRoute, getMyLeaderboardStandingRoute, listLeaderboardsRoute } from './leaderboards';
import { getMeRoute, getMyHistoryRoute } from './me';
import { getMySceneJobRoute, listMyScenesRoute, requestSceneRoute } from './scenes';
import {
  buyShopItemRoute,
  getMyMonsterRoute,
  getMyRedemptionsRoute,
  listRewardsRoute,
  listShopItemsRoute,
  redeemRewardRoute,
  updateMyMonsterRoute,
} from './shop';
import { freezeStreakRoute, getMyStreaksRoute } from './streaks';
import {
  createWebhookRoute,
  deleteWebhookRoute,
  enableWebhookRoute,
  listWebhookDeliveriesRoute,
  listWebhooksRoute,
  redeliverWebhookRoute,
  rotateWebhookSecretRoute,
} from './webhooks';

export type { HttpRoute, RouteAuth, RouteDefinition, SceneAccess } from '../define-route';

/**
 * The HTTP route table: read by the CDK stateless stack (one function and one
 * API Gateway route each), by the local runtime (same handlers, API Gateway
 * v2-shaped events) and by the OpenAPI builder. Each record lives in its
 * area's module beside it and is imported by its own handler; add it here too
 * and all three pick it up. Handlers import their area's module, never this
 * one, so a function does not bundle every route's schemas.
 */
export const routes: readonly HttpRoute[] = [
  recordActivityRoute,
  adjustUserBalanceRoute,
  getRulesRoute,
  getUserRoute,
  updateUserRoute,
  createWebhookRoute,
  listWebhooksRoute,
  deleteWebhookRoute,
  rotateWebhookSecretRoute,
  enableWebhookRoute,
  listWebhookDeliveriesRoute,
  redeliverWebhookRoute,
  getMeRoute,
  getMyHistoryRoute,
  getMyStreaksRoute,
  freezeStreakRoute,
  getMyAchievementsRoute,
  listAchievementsRoute,
  listShopItemsRoute,
  buyShopItemRoute,
  listRewardsRoute,
  redeemRewardRoute,
  getMyRedemptionsRoute,
  getMyMonsterRoute,
  updateMyMonsterRoute,
  requestSceneRoute,
  getMySceneJobRoute,
  listMyScenesRoute,
  listLeaderboardsRoute,
  getLeaderboardRoute,
  getMyLeaderboardStandingRoute,
  getOpenApiRoute,
];
