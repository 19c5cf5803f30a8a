/**
 * Who may call the HTTP API from a browser page of another origin (the
 * dashboard on its CloudFront domain, a product's own web app): any origin,
 * because credentials are bearer tokens, never cookies, so a foreign page
 * gains nothing a token would not give it. CDK configures API Gateway with
 * this; the local gateway answers the same.
 */
export const CORS = {
  allowOrigins: ['*'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
  exposeHeaders: ['retry-after', 'location'],
  maxAgeSeconds: 86_400,
} as const;
