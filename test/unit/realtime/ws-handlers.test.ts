import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as connect } from '../../../functions/ws/connect';
import { main as onMessage } from '../../../functions/ws/default';
import { main as disconnect } from '../../../functions/ws/disconnect';
import { UnauthorizedError } from '../../../shared/domain/errors';
import { MAX_CONNECTIONS_PER_USER } from '../../../shared/realtime/limits';
import { overrideRealtimeDeps, resetRealtimeDeps } from '../../../shared/realtime/wiring';
import type { ConnectionRecord, ConnectionStore, PostOutcome } from '../../../shared/realtime-ports';

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
  extra: { token?: string; body?: string; connectedAt?: number } = {},
): APIGatewayProxyWebsocketEventV2 {
  return {
    requestContext: { connectionId, connectedAt: extra.connectedAt },
    queryStringParameters: extra.token === undefined ? undefined : { token: extra.token },
    body: extra.body,
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyWebsocketEventV2;
}

describe('$connect', () => {
  it(`keeps ${MAX_CONNECTIONS_PER_USER} connections a user at most: a new one closes the oldest, never itself`, async () => {
    const minute = 60_000;
    const start = Date.parse('2026-11-23T12:00:00.000Z');
    for (let i = 0; i < MAX_CONNECTIONS_PER_USER; i++) {
      await connect(wsEvent(`c${i}`, { token: 'good-token', connectedAt: start + i * minute }));
    }
    expect(closed).toEqual([]);
    await connections.save({ connectionId: 'bob-1', userId: 'bob', connectedAt: new Date(start - minute) });

    await expect(
      connect(wsEvent('newest', { token: 'good-token', connectedAt: start + 99 * minute })),
    ).resolves.toEqual({ statusCode: 200 });

    expect(closed).toEqual(['c0']);
    const adas = await connections.listForUser('ada');
    expect(adas).toHaveLength(MAX_CONNECTIONS_PER_USER);
    expect(adas).not.toContain('c0');
    expect(adas.at(-1)).toBe('newest');
    // another user's connections are not counted, nor closed
    expect(await connections.listForUser('bob')).toEqual(['bob-1']);
  });

  it('refuses (401) without a token and stores nothing', async () => {
    await expect(connect(wsEvent('c1'))).resolves.toEqual({ statusCode: 401 });
    await expect(connect(wsEvent('c2', { token: '' }))).resolves.toEqual({ statusCode: 401 });
    expect(connections.saved.size).toBe(0);
  });

  it('refuses (401) a bad token and stores nothing', async () => {
    await expect(connect(wsEvent('c1', { token: 'forged' }))).resolves.toEqual({ statusCode: 401 });
    expect(connections.saved.size).toBe(0);
  });

  it("accepts (200) a good token and stores the connection under the token's user", async () => {
    const connectedAt = Date.parse('2026-11-23T13:00:00.000Z');
    await expect(connect(wsEvent('c1', { token: 'good-token', connectedAt }))).resolves.toEqual({
      statusCode: 200,
    });
    expect(connections.saved.get('c1')).toEqual({
      connectionId: 'c1',
      userId: 'ada',
      connectedAt: new Date(connectedAt),
    });
  });

  it("takes the clock's time when the event carries no connect time", async () => {
    await connect(wsEvent('c1', { token: 'good-token' }));
    expect(connections.saved.get('c1')?.connectedAt).toEqual(NOW);
  });

  it('lets an unexpected verifier failure through (a 500, not a silent 401)', async () => {
    overrideRealtimeDeps({
      tokens: {
        verify: async () => {
          throw new Error('JWKS download timed out');
        },
      },
    });
    await expect(connect(wsEvent('c1', { token: 'good-token' }))).rejects.toThrow('JWKS download timed out');
    expect(connections.saved.size).toBe(0);
  });
});

describe('$disconnect', () => {
  it('removes the connection and answers 200', async () => {
    await connect(wsEvent('c1', { token: 'good-token' }));
    await connect(wsEvent('c2', { token: 'good-token' }));
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
