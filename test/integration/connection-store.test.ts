import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { connectionOwnerKey, userConnectionKey } from '../../shared/adapters/dynamo/connection-keys';
import { CONNECTION_TTL_SECONDS, DynamoConnectionStore } from '../../shared/adapters/dynamo/connection-store';
import { createTestStore } from '../support/dynamodb';

const NOW = new Date('2026-11-23T13:05:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

async function connectionStore() {
  const { client, doc, tableName } = await createTestStore();
  const store = new DynamoConnectionStore({ client, tableName, clock: () => NOW });
  const read = async (key: { pk: string; sk: string }) =>
    (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
  return { store, read };
}

describe('DynamoConnectionStore', () => {
  it("lists a user's connections, and only theirs", async () => {
    const { store } = await connectionStore();
    await store.save({ connectionId: 'ada-tab', userId: 'ada', connectedAt: minutesAgo(5) });
    await store.save({ connectionId: 'ada-phone', userId: 'ada', connectedAt: minutesAgo(1) });
    await store.save({ connectionId: 'bob-tab', userId: 'bob', connectedAt: minutesAgo(1) });

    // oldest first: the connection cap closes from the front
    expect(await store.listForUser('ada')).toEqual(['ada-tab', 'ada-phone']);
    expect(await store.listForUser('bob')).toEqual(['bob-tab']);
    expect(await store.listForUser('carol')).toEqual([]);
  });

  it('does not mix users whose ids share a prefix', async () => {
    const { store } = await connectionStore();
    await store.save({ connectionId: 'c-ann', userId: 'ann', connectedAt: NOW });
    await store.save({ connectionId: 'c-anna', userId: 'anna', connectedAt: NOW });
    expect(await store.listForUser('ann')).toEqual(['c-ann']);
    expect(await store.listForUser('anna')).toEqual(['c-anna']);
  });

  it('writes both items with the TTL API Gateway gives a connection, plus five minutes', async () => {
    const { store, read } = await connectionStore();
    await store.save({ connectionId: 'c1', userId: 'ada', connectedAt: NOW });
    const expiresAt = NOW.getTime() / 1000 + 2 * 3600 + 300;
    expect(CONNECTION_TTL_SECONDS).toBe(7_500);
    expect(await read(userConnectionKey('ada', 'c1'))).toMatchObject({ expires_at: expiresAt });
    expect(await read(connectionOwnerKey('c1'))).toMatchObject({ user_id: 'ada', expires_at: expiresAt });
  });

  it("keeps both items out of the user's own partition (the connection functions are granted no other)", () => {
    // Written out: the partitions IAM's LeadingKeys allows the connection functions (lib/constructs/websocket-api.ts).
    expect(userConnectionKey('ada', 'c1')).toEqual({ pk: 'CONNS#ada', sk: 'CONN#c1' });
    expect(connectionOwnerKey('c1')).toEqual({ pk: 'CONN#c1', sk: 'CONN' });
  });

  it('skips connections already expired but not yet deleted by TTL', async () => {
    const { store } = await connectionStore();
    await store.save({ connectionId: 'stale', userId: 'ada', connectedAt: minutesAgo(126) });
    await store.save({ connectionId: 'almost-stale', userId: 'ada', connectedAt: minutesAgo(124) });
    expect(await store.listForUser('ada')).toEqual(['almost-stale']);
  });

  it('removes both items of a connection, and nothing of another', async () => {
    const { store, read } = await connectionStore();
    await store.save({ connectionId: 'c1', userId: 'ada', connectedAt: NOW });
    await store.save({ connectionId: 'c2', userId: 'ada', connectedAt: NOW });

    await store.remove('c1');

    expect(await store.listForUser('ada')).toEqual(['c2']);
    expect(await read(userConnectionKey('ada', 'c1'))).toBeUndefined();
    expect(await read(connectionOwnerKey('c1'))).toBeUndefined();
    expect(await read(connectionOwnerKey('c2'))).toBeDefined();
  });

  it('removes twice, or a connection never stored, without failing', async () => {
    const { store } = await connectionStore();
    await store.save({ connectionId: 'c1', userId: 'ada', connectedAt: NOW });
    await store.remove('c1');
    await expect(store.remove('c1')).resolves.toBeUndefined();
    await expect(store.remove('never-stored')).resolves.toBeUndefined();
    expect(await store.listForUser('ada')).toEqual([]);
  });

  it('lists every connection of a user with many', async () => {
    const { store } = await connectionStore();
    const ids = Array.from({ length: 30 }, (_, i) => `conn-${String(i).padStart(2, '0')}`);
    await Promise.all(
      ids.map((connectionId) => store.save({ connectionId, userId: 'ada', connectedAt: NOW })),
    );
    expect((await store.listForUser('ada')).sort()).toEqual(ids);
  });
});
