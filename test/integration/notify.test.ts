import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { EventBridgeEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../events/envelope';
import { main as notify } from '../../functions/events/notify';
import { ApiGatewayConnectionPoster } from '../../shared/adapters/apigw/connection-poster';
import { DynamoConnectionStore } from '../../shared/adapters/dynamo/connection-store';
import { overrideRealtimeDeps, resetRealtimeDeps } from '../../shared/realtime-wiring';
import { createTestStore } from '../support/dynamodb';

const samplesDir = join(import.meta.dirname, '../../events/samples');
const apiGateway = mockClient(ApiGatewayManagementApiClient);

function sample(detailType: string): Envelope {
  return JSON.parse(readFileSync(join(samplesDir, `${detailType}.json`), 'utf8')) as Envelope;
}

function busEvent(envelope: Envelope): EventBridgeEvent<string, Envelope> {
  return {
    version: '0',
    id: 'eb-1',
    'detail-type': envelope.metadata.type,
    source: 'questline',
    account: '123456789012',
    time: envelope.metadata.occurred_at,
    region: 'us-east-1',
    resources: [],
    detail: envelope,
  };
}

/** The connection ids posted to, with the decoded frames. */
function posted(): { connectionId: string; frame: unknown }[] {
  return apiGateway.commandCalls(PostToConnectionCommand).map((call) => {
    const data = call.args[0].input.Data;
    if (!(data instanceof Uint8Array)) throw new Error('the poster sends bytes');
    return {
      connectionId: String(call.args[0].input.ConnectionId),
      frame: JSON.parse(new TextDecoder().decode(data)),
    };
  });
}

let connections: DynamoConnectionStore;

beforeEach(async () => {
  apiGateway.reset();
  apiGateway.on(PostToConnectionCommand).resolves({});
  const test = await createTestStore();
  connections = new DynamoConnectionStore(test);
  const client = new ApiGatewayManagementApiClient({
    region: 'us-east-1',
    endpoint: 'https://ws.example.com/prod',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  overrideRealtimeDeps({ connections, poster: new ApiGatewayConnectionPoster({ client }) });
  const now = new Date();
  // user-123 is the samples' user; two tabs of theirs, one of another user
  await connections.save({ connectionId: 'user-123-tab', userId: 'user-123', connectedAt: now });
  await connections.save({ connectionId: 'user-123-phone', userId: 'user-123', connectedAt: now });
  await connections.save({ connectionId: 'bob-tab', userId: 'bob', connectedAt: now });
});

afterEach(() => resetRealtimeDeps());

describe('the notifier', () => {
  it("posts the frame to each of the user's connections and to no one else's", async () => {
    const result = await notify(busEvent(sample('points.awarded')));

    expect(result).toEqual({ connections: 2, sent: 2, gone: 0, failed: 0 });
    const calls = posted();
    expect(calls.map((c) => c.connectionId).sort()).toEqual(['user-123-phone', 'user-123-tab']);
    for (const call of calls) {
      expect(call.frame).toMatchObject({ event: 'points_awarded', data: { points: 185, new_total: 1135 } });
    }
  });

  it("takes the user from the envelope's metadata: bob's event reaches only bob", async () => {
    const levelUp = sample('level.up');
    const bobs = {
      metadata: { ...levelUp.metadata, user_id: 'bob' },
      data: { ...levelUp.data, user_id: 'bob' },
    };
    await notify(busEvent(bobs));
    expect(posted().map((c) => c.connectionId)).toEqual(['bob-tab']);
  });

  it('posts nothing when the data names another user than the metadata', async () => {
    const levelUp = sample('level.up');
    const mixed = { metadata: { ...levelUp.metadata, user_id: 'bob' }, data: levelUp.data };
    expect(await notify(busEvent(mixed))).toMatchObject({ sent: 0 });
    expect(posted()).toEqual([]);
  });

  it('deletes a connection that is gone and still posts to the others', async () => {
    apiGateway
      .on(PostToConnectionCommand, { ConnectionId: 'user-123-phone' })
      .rejects(new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } }));

    const result = await notify(busEvent(sample('achievement.unlocked')));

    expect(result).toEqual({ connections: 2, sent: 1, gone: 1, failed: 0 });
    expect(await connections.listForUser('user-123')).toEqual(['user-123-tab']);
    expect(await connections.listForUser('bob')).toEqual(['bob-tab']);
  });

  it('counts a post that fails otherwise, keeps that connection and throws nothing', async () => {
    apiGateway
      .on(PostToConnectionCommand, { ConnectionId: 'user-123-tab' })
      .rejects(Object.assign(new Error('rate exceeded'), { name: 'LimitExceededException' }));

    const result = await notify(busEvent(sample('streak.updated')));

    expect(result).toEqual({ connections: 2, sent: 1, gone: 0, failed: 1 });
    expect((await connections.listForUser('user-123')).sort()).toEqual(['user-123-phone', 'user-123-tab']);
  });

  it.each(['badge.earned', 'streak.milestone'])('posts nothing for %s (not pushed)', async (detailType) => {
    expect(await notify(busEvent(sample(detailType)))).toEqual({
      connections: 0,
      sent: 0,
      gone: 0,
      failed: 0,
    });
    expect(posted()).toEqual([]);
  });

  it('ignores an event that is not a Questline envelope', async () => {
    const event = { ...busEvent(sample('level.up')), source: 'someone.else' };
    expect(await notify(event)).toMatchObject({ sent: 0 });
    expect(posted()).toEqual([]);
  });
});
