import { defineRoute } from '../define-route';
import { PUBLIC_ROUTE_THROTTLE } from '../route-throttles';

/** This API, described. */

export const getOpenApiRoute = defineRoute({
  id: 'GetOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  entry: 'functions/http/docs/get-openapi.ts',
  auth: 'public',
  table: 'none',
  summary: 'This API as an OpenAPI 3.1 document',
  throttle: PUBLIC_ROUTE_THROTTLE,
  responses: { 200: { description: 'This document' } },
  errors: [],
});
