import type * as z from 'zod';
import {
  adjustmentBodySchema,
  historyQuerySchema,
  recordActivityBodySchema,
  updateUserBodySchema,
  userPathSchema,
} from './request-schemas';
import { historyResponseSchema, outcomeResponseSchema, profileResponseSchema } from './response-schemas';

/**
 * What each route in routes.ts accepts and answers, for the OpenAPI document.
 * The handlers parse with these very schemas; `errors` lists every status the
 * error map can produce for the route (500 is implied everywhere).
 */
export interface RouteSpec {
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: { name: string; schema: z.ZodType };
  responses: Record<number, { description: string; schema?: z.ZodType; name?: string }>;
  errors: number[];
}

const outcome = (what: string) => ({
  201: { description: `${what} was applied`, schema: outcomeResponseSchema, name: 'OutcomeResponse' },
  200: {
    description: `${what} was applied before: the first outcome, with duplicate true`,
    schema: outcomeResponseSchema,
    name: 'OutcomeResponse',
  },
});

const profile = { description: 'The profile', schema: profileResponseSchema, name: 'ProfileResponse' };

/** Body routes can also answer 413 (too large) and 415 (not JSON). */
const BODY_ERRORS = [400, 413, 415];

export const routeSpecs: Record<string, RouteSpec> = {
  RecordActivity: {
    body: { name: 'RecordActivityRequest', schema: recordActivityBodySchema },
    responses: outcome('The activity'),
    errors: [...BODY_ERRORS, 401, 409, 422],
  },
  AdjustUserBalance: {
    path: userPathSchema,
    body: { name: 'AdjustmentRequest', schema: adjustmentBodySchema },
    responses: outcome('The adjustment'),
    errors: [...BODY_ERRORS, 401, 409, 422],
  },
  GetUser: {
    path: userPathSchema,
    responses: { 200: profile },
    errors: [400, 401, 404],
  },
  UpdateUser: {
    path: userPathSchema,
    body: { name: 'UpdateUserRequest', schema: updateUserBodySchema },
    responses: { 200: { ...profile, description: 'The profile with the new settings' } },
    errors: [...BODY_ERRORS, 401, 409],
  },
  GetMe: {
    responses: {
      200: { ...profile, description: 'My profile; a fresh level-1 profile before any activity' },
    },
    errors: [401],
  },
  GetMyHistory: {
    query: historyQuerySchema,
    responses: {
      200: { description: 'A page of my ledger', schema: historyResponseSchema, name: 'HistoryResponse' },
    },
    errors: [400, 401],
  },
  GetOpenApi: {
    responses: { 200: { description: 'This document' } },
    errors: [],
  },
};
