import { defineRoute } from '../define-route';
import { historyQuerySchema } from '../request-schemas';
import { historyResponseSchema, profileResponseSchema } from '../response-schemas';

/** An end user's own profile and ledger: the token's subject, never a parameter. */

export const getMeRoute = defineRoute({
  id: 'GetMe',
  method: 'GET',
  path: '/v1/me',
  entry: 'functions/http/me/get-me.ts',
  auth: 'jwt',
  table: 'read',
  summary: 'My profile: XP, level, title, coins, scene level, next milestone',
  responses: {
    200: {
      description: 'My profile; a fresh level-1 profile before any activity',
      schema: profileResponseSchema,
      name: 'ProfileResponse',
    },
  },
  errors: [],
});

export const getMyHistoryRoute = defineRoute({
  id: 'GetMyHistory',
  method: 'GET',
  path: '/v1/me/history',
  entry: 'functions/http/me/get-my-history.ts',
  auth: 'jwt',
  table: 'read',
  summary: 'My ledger, newest first, with cursor pagination',
  request: { query: historyQuerySchema },
  responses: {
    200: { description: 'A page of my ledger', schema: historyResponseSchema, name: 'HistoryResponse' },
  },
  errors: [],
});
