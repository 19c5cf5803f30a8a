import { appliedOnce, defineRoute } from '../define-route';
import {
  adjustmentBodySchema,
  recordActivityBodySchema,
  updateUserBodySchema,
  userPathSchema,
} from '../request-schemas';
import { outcomeResponseSchema, profileResponseSchema, rulesResponseSchema } from '../response-schemas';

/** The routes a product's backend calls, signed with AWS SigV4. */

const outcome = (what: string) =>
  appliedOnce(outcomeResponseSchema, 'OutcomeResponse', {
    created: `${what} was applied`,
    replayed: `${what} was applied before: the first outcome, with duplicate true`,
  });

const profile = { schema: profileResponseSchema, name: 'ProfileResponse' };

export const recordActivityRoute = defineRoute({
  id: 'RecordActivity',
  method: 'POST',
  path: '/v1/internal/activities',
  entry: 'functions/http/internal/record-activity.ts',
  auth: 'iam',
  table: 'read-write',
  summary: 'Record an activity; awards XP and coins by the rules',
  request: { body: { name: 'RecordActivityRequest', schema: recordActivityBodySchema } },
  responses: outcome('The activity'),
  errors: [409, 422],
});

export const adjustUserBalanceRoute = defineRoute({
  id: 'AdjustUserBalance',
  method: 'POST',
  path: '/v1/internal/users/{id}/adjustments',
  entry: 'functions/http/internal/adjust-user-balance.ts',
  auth: 'iam',
  table: 'read-write',
  summary: "Grant or deduct a user's XP or coins, with a reason",
  request: { path: userPathSchema, body: { name: 'AdjustmentRequest', schema: adjustmentBodySchema } },
  responses: outcome('The adjustment'),
  errors: [409, 422],
});

export const getRulesRoute = defineRoute({
  id: 'GetRules',
  method: 'GET',
  path: '/v1/internal/rules',
  entry: 'functions/http/internal/get-rules.ts',
  auth: 'iam',
  table: 'none',
  summary: 'The rules in effect, with their version',
  responses: {
    200: {
      description: 'The rules document in effect and its version',
      schema: rulesResponseSchema,
      name: 'RulesResponse',
    },
  },
  errors: [],
});

export const getUserRoute = defineRoute({
  id: 'GetUser',
  method: 'GET',
  path: '/v1/internal/users/{id}',
  entry: 'functions/http/internal/get-user.ts',
  auth: 'iam',
  table: 'read',
  summary: "Read any user's profile",
  request: { path: userPathSchema },
  responses: { 200: { description: 'The profile', ...profile } },
  errors: [404],
});

export const updateUserRoute = defineRoute({
  id: 'UpdateUser',
  method: 'PATCH',
  path: '/v1/internal/users/{id}',
  entry: 'functions/http/internal/update-user.ts',
  auth: 'iam',
  table: 'read-write',
  summary: "Set a user's VIP tier, time zone, display name or leaderboard visibility",
  request: { path: userPathSchema, body: { name: 'UpdateUserRequest', schema: updateUserBodySchema } },
  responses: { 200: { description: 'The profile with the new settings', ...profile } },
  errors: [409],
});
