import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteDefinition } from '../../../shared/http/define-route';
import { createDevAuth, type DevAuth } from '../../../shared/local/dev-auth';
import { createGateway, type HandlerLoader } from '../../../shared/local/http-gateway';
import type { LambdaHandler } from '../../../shared/local/lambda-invoke';

/** An in-process local gateway on a free port, serving throwaway handlers by route id. */
export interface GatewayHarness {
  url: string;
  auth: DevAuth;
  internalKey: string;
  logLines: string[];
  close(): Promise<void>;
}

export const TEST_INTERNAL_KEY = 'test-internal-key-0123456789abcdefghijklmnopqrstu';

export function route(
  overrides: Partial<RouteDefinition> & Pick<RouteDefinition, 'id' | 'path'>,
): RouteDefinition {
  return {
    method: 'GET',
    entry: 'test/e2e/fixtures/echo-handler.ts',
    auth: 'public',
    table: 'none',
    summary: overrides.id,
    ...overrides,
  };
}

export async function startGateway(
  routes: RouteDefinition[],
  handlers: Record<string, LambdaHandler>,
  options: { timeoutMs?: number; loadHandler?: HandlerLoader } = {},
): Promise<GatewayHarness> {
  const auth = createDevAuth({
    signingKey: new TextEncoder().encode('k'.repeat(32)),
    internalKey: TEST_INTERNAL_KEY,
  });
  const logLines: string[] = [];
  const loadHandler: HandlerLoader =
    options.loadHandler ??
    (async (r) => {
      const handler = handlers[r.id];
      if (!handler) throw new Error(`no test handler for ${r.id}`);
      return handler;
    });
  const gateway = createGateway({
    routes,
    loadHandler,
    auth,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    log: (line) => logLines.push(line),
    logError: () => undefined,
  });
  const server: Server = createServer((req, res) => void gateway(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    auth,
    internalKey: TEST_INTERNAL_KEY,
    logLines,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** DESIGN.md's error shape, as the gateway's own answers use it. */
export interface ErrorBody {
  error: { code: string; message: string; details?: { field: string; message: string }[] };
}

export async function readJson<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
