import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  WEBSOCKET_STAGE_NAME,
  type WebSocketRouteKey,
  webSocketAuthorizer,
  webSocketRoutes,
} from '../realtime/websocket-routes';
import type { HandlerLoader } from './http-gateway';
import { invokeLocally, lambdaContext } from './lambda-invoke';
import { listen } from './port-check';

const entryOf = (routeKey: WebSocketRouteKey) => {
  const route = webSocketRoutes.find((r) => r.routeKey === routeKey);
  if (!route) throw new Error(`no WebSocket route ${routeKey}`);
  return route.entry;
};

const API_ID = 'local';

interface AuthorizerResult {
  principalId?: string;
  policyDocument?: { Statement?: { Effect: string }[] };
  context?: Record<string, unknown>;
}

/**
 * API Gateway's WebSocket API, locally, on one port: `ws://host:port/?token=`
 * runs the same $connect / $default / $disconnect handlers with API Gateway-
 * shaped events (a $connect answer other than 200 refuses the upgrade), and
 * the management API the notifier posts through: POST, GET and DELETE
 * `/@connections/{id}` (410 for a connection that is gone).
 */
export async function startWebSocketGateway(opts: {
  host: string;
  loadHandler: HandlerLoader;
  logError(message: string, error: unknown): void;
}) {
  const sockets = new Map<
    string,
    { socket: WebSocket; connectedAt: number; lastActiveAt: number; ip: string }
  >();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 128 * 1024 });
  const server = createServer((req, res) => void manage(req, res));
  const port = await listen(server, 0, opts.host, 'WS_PORT');
  const domainName = `${opts.host}:${port}`;

  function requestContext(routeKey: WebSocketRouteKey | 'authorizer', connectionId: string) {
    const now = Date.now();
    return {
      routeKey: routeKey === 'authorizer' ? '$connect' : routeKey,
      eventType: routeKey === '$disconnect' ? 'DISCONNECT' : routeKey === '$default' ? 'MESSAGE' : 'CONNECT',
      messageDirection: 'IN',
      connectionId,
      connectedAt: sockets.get(connectionId)?.connectedAt ?? now,
      requestId: randomUUID(),
      extendedRequestId: randomUUID(),
      requestTime: new Date(now).toISOString(),
      requestTimeEpoch: now,
      domainName,
      stage: WEBSOCKET_STAGE_NAME,
      apiId: API_ID,
    };
  }

  async function invoke(
    routeKey: WebSocketRouteKey,
    connectionId: string,
    extra: Record<string, unknown>,
    authorizer?: Record<string, unknown>,
  ) {
    const handler = await opts.loadHandler({ id: routeKey, entry: entryOf(routeKey) });
    const context = { ...requestContext(routeKey, connectionId), ...(authorizer && { authorizer }) };
    const event = { requestContext: context, isBase64Encoded: false, ...extra };
    return (await invokeLocally(handler, event, lambdaContext(routeKey, context.requestId, 29_000))) as
      | { statusCode?: number }
      | undefined;
  }

  /**
   * $connect's REQUEST authorizer as API Gateway runs it: no `token` query
   * parameter (the identity source) is a 401 without invoking anything; the
   * function's "Unauthorized" is a 401, a Deny 403; an Allow's context
   * reaches $connect as `requestContext.authorizer`, with its principalId.
   */
  async function authorize(
    query: Record<string, string>,
    connectionId: string,
  ): Promise<{ refused: 401 | 403 } | { context: Record<string, unknown> }> {
    if (!query[webSocketAuthorizer.tokenQueryParameter]) return { refused: 401 };
    const handler = await opts.loadHandler({ id: webSocketAuthorizer.id, entry: webSocketAuthorizer.entry });
    const context = requestContext('authorizer', connectionId);
    const event = {
      type: 'REQUEST',
      methodArn: `arn:aws:execute-api:local:000000000000:${API_ID}/${WEBSOCKET_STAGE_NAME}/$connect`,
      headers: { host: domainName },
      queryStringParameters: query,
      requestContext: context,
    };
    let result: AuthorizerResult;
    try {
      result = (await invokeLocally(
        handler,
        event,
        lambdaContext(webSocketAuthorizer.id, context.requestId, 29_000),
      )) as AuthorizerResult;
    } catch (error) {
      if (error instanceof Error && error.message === 'Unauthorized') return { refused: 401 };
      throw error;
    }
    // as API Gateway: an Allow, and no Deny (an empty policy allows nothing)
    const statements = result.policyDocument?.Statement ?? [];
    const allowed = statements.length > 0 && statements.every((statement) => statement.Effect === 'Allow');
    if (!allowed) return { refused: 403 };
    return { context: { ...result.context, principalId: result.principalId } };
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      const connectionId = randomBytes(12)
        .toString('base64')
        .replace(/[^A-Za-z0-9]/g, 'x');
      const url = new URL(req.url ?? '/', `http://${domainName}`);
      const query = Object.fromEntries(url.searchParams);
      try {
        const authorized = await authorize(query, connectionId);
        if ('refused' in authorized) {
          socket.end(`HTTP/1.1 ${authorized.refused} Refused\r\nConnection: close\r\n\r\n`);
          return;
        }
        const answer = await invoke(
          '$connect',
          connectionId,
          { queryStringParameters: query, headers: { host: domainName } },
          authorized.context,
        );
        if (answer?.statusCode !== 200) {
          socket.end(`HTTP/1.1 ${answer?.statusCode ?? 500} Refused\r\nConnection: close\r\n\r\n`);
          return;
        }
      } catch (error) {
        opts.logError('$connect failed', error);
        socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const now = Date.now();
        sockets.set(connectionId, {
          socket: ws,
          connectedAt: now,
          lastActiveAt: now,
          ip: req.socket.remoteAddress ?? '',
        });
        ws.on('message', (data) => {
          const entry = sockets.get(connectionId);
          if (entry) entry.lastActiveAt = Date.now();
          invoke('$default', connectionId, { body: data.toString() }).catch((e) =>
            opts.logError('$default failed', e),
          );
        });
        ws.on('close', () => {
          invoke('$disconnect', connectionId, {})
            .catch((e) => opts.logError('$disconnect failed', e))
            .finally(() => sockets.delete(connectionId));
        });
      });
    })();
  });

  async function manage(req: IncomingMessage, res: ServerResponse) {
    const match = /^\/(?:live\/)?@connections\/([^/?]+)$/.exec(req.url ?? '');
    const send = (status: number, body?: unknown) =>
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end(body === undefined ? undefined : JSON.stringify(body));
    if (!match?.[1]) return send(404, { message: 'not a management API path' });
    const entry = sockets.get(decodeURIComponent(match[1]));
    if (!entry || entry.socket.readyState !== entry.socket.OPEN)
      return send(410, { message: 'GoneException' });
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      entry.socket.send(Buffer.concat(chunks).toString('utf8'));
      return send(200);
    }
    if (req.method === 'DELETE') {
      entry.socket.close(1000, 'closed by the management API');
      return send(204);
    }
    if (req.method === 'GET') {
      return send(200, {
        ConnectedAt: new Date(entry.connectedAt).toISOString(),
        LastActiveAt: new Date(entry.lastActiveAt).toISOString(),
        Identity: { SourceIp: entry.ip },
      });
    }
    return send(405, { message: 'POST, GET or DELETE' });
  }

  return {
    wsUrl: `ws://${domainName}`,
    /** the management API's endpoint: what WS_CALLBACK_URL is on AWS */
    managementUrl: `http://${domainName}`,
    async stop() {
      for (const { socket } of sockets.values()) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
