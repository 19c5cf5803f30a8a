import type { APIGatewayProxyWebsocketEventV2, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as authorize } from '../../../functions/ws/authorize';
import { main as connect } from '../../../functions/ws/connect';
import { main as onMessage } from '../../../functions/ws/default';
import { main as disconnect } from '../../../functions/ws/disconnect';
import { UnauthorizedError } from '../../../shared/domain/errors';
import type { ConnectionRecord, ConnectionStore, PostOutcome } from '../../../shared/ports/realtime';
import { MAX_CONNECTIONS_PER_USER } from '../../../shared/realtime/limits';
import { overrideRealtimeDeps, resetRealtimeDeps } from '../../../shared/realtime-wiring';

const NOW = new Date('2026-11-23T13:05:00.000Z');

class MemoryConnections implements ConnectionStore {
  readonly saved = new Map<string, ConnectionRecord>();
  async save(connection: ConnectionRecord): Promise<void> {
    this.saved.set(connection.connectionId, connection);
  }
  async remove(connectionId: string): Promise<void> {
    this.saved.delete(connectionId);
  }
  async listForUser(userId: string): Promise<string[]> {
    return [...this.saved.values()]
      .filter((c) => c.userId === userId)
      .sort((a, b) => a.connectedAt.getTime() - b.connectedAt.getTime())
      .map((c) => c.connectionId);
  }
}

let connections: MemoryConnections;
let posts: { connectionId: string; payload: unknown }[];
let closed: string[];

beforeEach(() => {
  connections = new MemoryConnections();
  posts = [];
  closed = [];
  overrideRealtimeDeps({
    connections,
    clock: { now: () => NOW },
    // good-token -> ada; anything else is refused the way JwtTokenVerifier refuses
    tokens: {
      verify: async (token) => {
        if (token === 'good-token') return 'ada';
        throw new UnauthorizedError('The token is not valid');
      },
    },
    poster: {
      post: async (connectionId, payload): Promise<PostOutcome> => {
        posts.push({ connectionId, payload });
        return 'sent';
      },
      close: async (connectionId) => {
        closed.push(connectionId);
      },
    },
  });
});

afterEach(() => resetRealtimeDeps());

function wsEvent(
  connectionId: string,
  extra: { user?: unknown; body?: string; connectedAt?: number } = {},
): APIGatewayProxyWebsocketEventV2 {
  // the authorizer's context, as API Gateway hands it to $connect
  const authorizer =
    extra.user === undefined ? {} : { authorizer: { userId: extra.user, principalId: extra.user } };
  return {
    requestContext: { connectionId, connectedAt: extra.connectedAt, ...authorizer },
    body: extra.body,
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyWebsocketEventV2;
}

describe('$connect', () => {
  it(`keeps ${MAX_CONNECTIONS_PER_USER} connections a user at most: a new one closes the oldest, never itself`, async () => {
    const minute = 60_000;
    const start = Date.parse('2026-11-23T12:00:00.000Z');
    for (let i = 0; i < MAX_CONNECTIONS_PER_USER; i++) {
      await connect(wsEvent(`c${i}`, { user: 'ada', connectedAt: start + i * minute }));
    }
    expect(closed).toEqual([]);
    await connections.save({ connectionId: 'bob-1', userId: 'bob', connectedAt: new Date(start - minute) });

    await expect(
      connect(wsEvent('newest', { user: 'ada', connectedAt: start + 99 * minute })),
    ).resolves.toEqual({ statusCode: 200 });

    expect(closed).toEqual(['c0']);
    const adas = await connections.listForUser('ada');
    expect(adas).toHaveLength(MAX_CONNECTIONS_PER_USER);
    expect(adas).not.toContain('c0');
    expect(adas.at(-1)).toBe('newest');
    // another user's connections are not counted, nor closed
    expect(await connections.listForUser('bob')).toEqual(['bob-1']);
  });

  it.each([
    ['no user from an authorizer', undefined],
    ['a user id of the wrong shape', 'ada/../bob'],
    ['a user id of the wrong type', 42],
  ])('refuses (401) %s and stores nothing', async (_case, user) => {
    await expect(connect(wsEvent('c1', { user }))).resolves.toEqual({ statusCode: 401 });
    expect(connections.saved.size).toBe(0);
  });

  it("accepts (200) and stores the connection under the authorizer's user", async () => {
    const connectedAt = Date.parse('2026-11-23T13:00:00.000Z');
    await expect(connect(wsEvent('c1', { user: 'ada', connectedAt }))).resolves.toEqual({
      statusCode: 200,
    });
    expect(connections.saved.get('c1')).toEqual({
      connectionId: 'c1',
      userId: 'ada',
      connectedAt: new Date(connectedAt),
    });
  });

  it("takes the clock's time when the event carries no connect time", async () => {
    await connect(wsEvent('c1', { user: 'ada' }));
    expect(connections.saved.get('c1')?.connectedAt).toEqual(NOW);
  });
});

describe('$connect authorizer', () => {
  const requestEvent = (query?: Record<string, string>) =>
    ({
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:eu-central-1:123456789012:abc123/live/$connect',
      queryStringParameters: query,
    }) as unknown as APIGatewayRequestAuthorizerEvent;

  it("allows this $connect for a good token, naming the token's user as principal and in the context", async () => {
    await expect(authorize(requestEvent({ token: 'good-token' }))).resolves.toEqual({
      principalId: 'ada',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: 'Allow',
            Resource: 'arn:aws:execute-api:eu-central-1:123456789012:abc123/live/$connect',
          },
        ],
      },
      context: { userId: 'ada' },
    });
  });

  it.each([
    ['a bad token', { token: 'forged' }],
    ['an empty token', { token: '' }],
    ['no token', undefined],
  ])('answers Unauthorized (API Gateway: 401) for %s', async (_case, query) => {
    await expect(authorize(requestEvent(query))).rejects.toThrow(/^Unauthorized$/);
  });

  it('lets an unexpected verifier failure through (a 500, not a silent 401)', async () => {
    overrideRealtimeDeps({
      tokens: {
        verify: async () => {
          throw new Error('JWKS download timed out');
        },
      },
    });
    await expect(authorize(requestEvent({ token: 'good-token' }))).rejects.toThrow('JWKS download timed out');
  });
});

describe('$disconnect', () => {
  it('removes the connection and answers 200', async () => {
    await connect(wsEvent('c1', { user: 'ada' }));
    await connect(wsEvent('c2', { user: 'ada' }));
    await expect(disconnect(wsEvent('c1'))).resolves.toEqual({ statusCode: 200 });
    expect([...connections.saved.keys()]).toEqual(['c2']);
  });

  it('answers 200 for an unknown connection and when the store fails', async () => {
    await expect(disconnect(wsEvent('never-seen'))).resolves.toEqual({ statusCode: 200 });
    overrideRealtimeDeps({
      connections: Object.assign(new MemoryConnections(), {
        remove: async () => {
          throw new Error('DynamoDB unavailable');
        },
      }),
    });
    await expect(disconnect(wsEvent('c1'))).resolves.toEqual({ statusCode: 200 });
  });
});

describe('$default', () => {
  it('answers a ping with a pong to the same connection', async () => {
    await expect(onMessage(wsEvent('c7', { body: '{"action":"ping"}' }))).resolves.toEqual({
      statusCode: 200,
    });
    expect(posts).toEqual([
      { connectionId: 'c7', payload: { event: 'pong', data: { at: NOW.toISOString() } } },
    ]);
  });

  it.each([
    ['an unknown action', '{"action":"subscribe"}'],
    ['no action', '{"hello":"world"}'],
    ['unparseable text', 'ping'],
    ['a JSON array', '["ping"]'],
    ['no body', undefined],
  ])('answers %s with unknown_action', async (_name, body) => {
    await expect(onMessage(wsEvent('c7', { body }))).resolves.toEqual({ statusCode: 200 });
    expect(posts).toEqual([
      { connectionId: 'c7', payload: { event: 'error', data: { code: 'unknown_action' } } },
    ]);
  });
});
