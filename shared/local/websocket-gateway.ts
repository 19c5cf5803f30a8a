import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { HandlerLoader } from './http-gateway';
import { invokeLocally, lambdaContext } from './lambda-invoke';
import { listen } from './port-check';

/** The handlers of the WebSocket API's routes, as in the CDK construct. */
const WS_ROUTES = {
  $connect: 'functions/ws/connect.ts',
  $disconnect: 'functions/ws/disconnect.ts',
  $default: 'functions/ws/default.ts',
} as const;
type RouteKey = keyof typeof WS_ROUTES;

const STAGE = 'live';
const API_ID = 'local';

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

  async function invoke(routeKey: RouteKey, connectionId: string, extra: Record<string, unknown>) {
    const handler = await opts.loadHandler({ id: routeKey, entry: WS_ROUTES[routeKey] });
    const now = Date.now();
    const event = {
      requestContext: {
        routeKey,
        eventType:
          routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE',
        messageDirection: 'IN',
        connectionId,
        connectedAt: sockets.get(connectionId)?.connectedAt ?? now,
        requestId: randomUUID(),
        extendedRequestId: randomUUID(),
        requestTime: new Date(now).toISOString(),
        requestTimeEpoch: now,
        domainName,
        stage: STAGE,
        apiId: API_ID,
      },
      isBase64Encoded: false,
      ...extra,
    };
    return (await invokeLocally(
      handler,
      event,
      lambdaContext(routeKey, event.requestContext.requestId, 29_000),
    )) as { statusCode?: number } | undefined;
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      const connectionId = randomBytes(12)
        .toString('base64')
        .replace(/[^A-Za-z0-9]/g, 'x');
      const url = new URL(req.url ?? '/', `http://${domainName}`);
      try {
        const answer = await invoke('$connect', connectionId, {
          queryStringParameters: Object.fromEntries(url.searchParams),
          headers: { host: domainName },
        });
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
