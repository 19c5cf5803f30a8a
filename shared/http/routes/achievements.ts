import { catalogResponseSchema, myAchievementsResponseSchema } from '../achievement-schemas';
import { defineRoute } from '../define-route';
import { PUBLIC_ROUTE_THROTTLE } from '../route-throttles';

/** The achievement catalog, and my progress through it. */

export const getMyAchievementsRoute = defineRoute({
  id: 'GetMyAchievements',
  method: 'GET',
  path: '/v1/me/achievements',
  entry: 'functions/http/me/get-my-achievements.ts',
  auth: 'jwt',
  table: 'read',
  summary: 'My achievements: unlocked with dates, in progress, the three closest',
  responses: {
    200: {
      description: 'My achievements',
      schema: myAchievementsResponseSchema,
      name: 'MyAchievementsResponse',
    },
  },
  errors: [],
});

export const listAchievementsRoute = defineRoute({
  id: 'ListAchievements',
  method: 'GET',
  path: '/v1/achievements',
  entry: 'functions/http/achievements/list-achievements.ts',
  auth: 'public',
  table: 'read-stats',
  summary: 'The achievement catalog, hidden ones masked, with the share of users who unlocked each',
  throttle: PUBLIC_ROUTE_THROTTLE,
  responses: {
    200: { description: 'The catalog', schema: catalogResponseSchema, name: 'CatalogResponse' },
  },
  errors: [],
});
