/**
 * The WebSocket API's routes and its $connect authorizer: one table, read by
 * the CDK construct (lib/constructs/websocket-api.ts) and the local gateway
 * (shared/local/websocket-gateway.ts) alike.
 */

export type WebSocketRouteKey = '$connect' | '$disconnect' | '$default';

export const WEBSOCKET_STAGE_NAME = 'live';

/** The three routes, each with its own handler (functions/ws/). */
export const webSocketRoutes: readonly {
  routeKey: WebSocketRouteKey;
  id: string;
  entry: string;
  description: string;
}[] = [
  {
    routeKey: '$connect',
    id: 'WsConnect',
    entry: 'functions/ws/connect.ts',
    description:
      "WebSocket $connect: stores the connection under the authorizer's user, closing the oldest past the cap",
  },
  {
    routeKey: '$disconnect',
    id: 'WsDisconnect',
    entry: 'functions/ws/disconnect.ts',
    description: 'WebSocket $disconnect: forgets the connection',
  },
  {
    routeKey: '$default',
    id: 'WsDefault',
    entry: 'functions/ws/default.ts',
    description: 'WebSocket $default: answers ping, refuses unknown actions',
  },
];

/**
 * $connect's Lambda REQUEST authorizer. Its identity source is the `token`
 * query parameter (browsers cannot set headers on a WebSocket): API Gateway
 * refuses a connection without one (401) before invoking anything, so a
 * flood of tokenless attempts costs no function and no table read.
 */
export const webSocketAuthorizer = {
  id: 'WsAuthorize',
  entry: 'functions/ws/authorize.ts',
  description: 'WebSocket $connect authorizer: verifies ?token= (the HTTP API issuer, audiences and scopes)',
  tokenQueryParameter: 'token',
} as const;
