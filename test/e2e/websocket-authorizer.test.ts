import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerLoader } from '../../shared/local/http-gateway';
import { startWebSocketGateway } from '../../shared/local/websocket-gateway';
import { connectSocket, refusedStatus } from '../support/ws-client';

/**
 * The local WebSocket gateway runs $connect's REQUEST authorizer as API
 * Gateway does: the identity source (`?token=`) missing is a 401 that
 * invokes nothing; the authorizer's refusal is a 401 before $connect; its
 * Allow hands $connect the user. Stand-in handlers count what ran.
 */
describe('the WebSocket $connect authorizer, locally', () => {
  const invoked: { id: string; event: { requestContext?: { authorizer?: unknown } } }[] = [];
  let gateway: Awaited<ReturnType<typeof startWebSocketGateway>>;

  const handlers: Record<string, (event: never) => unknown> = {
    WsAuthorize: (event: { queryStringParameters?: { token?: string }; methodArn: string }) => {
      const token = event.queryStringParameters?.token;
      if (token === 'no-statement')
        return { principalId: 'ada', policyDocument: { Version: '2012-10-17', Statement: [] } };
      if (token !== 'ada-token') throw new Error('Unauthorized');
      return {
        principalId: 'ada',
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
        },
        context: { userId: 'ada' },
      };
    },
    $connect: () => ({ statusCode: 200 }),
    $disconnect: () => ({ statusCode: 200 }),
    $default: () => ({ statusCode: 200 }),
  };
  const loadHandler: HandlerLoader = async ({ id }) => {
    const handler = handlers[id];
    if (!handler) throw new Error(`no stand-in for ${id}`);
    return async (event: unknown) => {
      invoked.push({ id, event: event as never });
      return handler(event as never);
    };
  };

  beforeAll(async () => {
    gateway = await startWebSocketGateway({ host: '127.0.0.1', loadHandler, logError: () => undefined });
  });
  afterAll(() => gateway.stop());

  const ran = () => invoked.map((i) => i.id).filter((id) => id !== '$disconnect');

  it('refuses a connection without a token (401) without invoking anything', async () => {
    invoked.length = 0;
    expect(await refusedStatus(`${gateway.wsUrl}/`)).toBe(401);
    expect(await refusedStatus(`${gateway.wsUrl}/?token=`)).toBe(401);
    expect(ran()).toEqual([]);
  });

  it('refuses a bad token (401) in the authorizer, before $connect', async () => {
    invoked.length = 0;
    expect(await refusedStatus(`${gateway.wsUrl}/?token=forged`)).toBe(401);
    expect(ran()).toEqual(['WsAuthorize']);
  });

  it('refuses (403) a policy that allows nothing, as API Gateway does, before $connect', async () => {
    invoked.length = 0;
    expect(await refusedStatus(`${gateway.wsUrl}/?token=no-statement`)).toBe(403);
    expect(ran()).toEqual(['WsAuthorize']);
  });

  it("connects a good token, handing $connect the authorizer's user", async () => {
    invoked.length = 0;
    const socket = await connectSocket(gateway.wsUrl, 'ada-token');
    expect(ran()).toEqual(['WsAuthorize', '$connect']);
    expect(invoked[1]?.event.requestContext?.authorizer).toEqual({ userId: 'ada', principalId: 'ada' });
    await socket.close();
  });
});
