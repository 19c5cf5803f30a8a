import { appliedOnce, defineRoute } from '../define-route';
import {
  freezeBodySchema,
  freezeResponseSchema,
  streakPathSchema,
  streaksResponseSchema,
} from '../streak-schemas';

/** My streaks, and the freezes that protect them. */

export const getMyStreaksRoute = defineRoute({
  id: 'GetMyStreaks',
  method: 'GET',
  path: '/v1/me/streaks',
  entry: 'functions/http/me/get-my-streaks.ts',
  auth: 'jwt',
  table: 'read',
  summary: 'My streaks: status, at risk, hours left today, freezes held, next milestone, health',
  responses: {
    200: {
      description: 'Every streak type of the rules, as of now',
      schema: streaksResponseSchema,
      name: 'StreaksResponse',
    },
  },
  errors: [],
});

export const freezeStreakRoute = defineRoute({
  id: 'FreezeStreak',
  method: 'POST',
  path: '/v1/me/streaks/{type}/freeze',
  entry: 'functions/http/me/freeze-streak.ts',
  auth: 'jwt',
  table: 'read-write',
  summary: 'Spend a held streak freeze on today, or buy one with coins ({"buy": true, "event_id"})',
  request: {
    path: streakPathSchema,
    body: { name: 'FreezeRequest', schema: freezeBodySchema, optional: true },
  },
  responses: appliedOnce(freezeResponseSchema, 'FreezeResponse', {
    created: 'A freeze was bought',
    replayed: 'A held freeze now covers today; or a purchase replayed (duplicate true)',
  }),
  // 429: a purchase counts against the shop's rate limit
  errors: [404, 409, 422, 429],
});
