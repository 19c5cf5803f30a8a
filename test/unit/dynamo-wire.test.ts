import { describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../shared/adapters/dynamo/client';
import { fromWire, toWire, transactItemToWire } from '../../shared/adapters/dynamo/wire';

describe('the wire format of the low-level client', () => {
  it('translates every valued part of a Put, Update, Delete and ConditionCheck, and nothing else', () => {
    const key = { pk: 'USER#u1', sk: 'PROFILE' };
    const values = { ':read': 3, ':limit': 2 };
    expect(
      transactItemToWire({
        Put: {
          TableName: 't',
          Item: { ...key, xp: 10, note: undefined, tags: ['a'] },
          ConditionExpression: '#version = :read',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      }),
    ).toEqual({
      Put: {
        TableName: 't',
        // undefined optional fields are left out, as the DocumentClient does with removeUndefinedValues
        Item: { pk: { S: 'USER#u1' }, sk: { S: 'PROFILE' }, xp: { N: '10' }, tags: { L: [{ S: 'a' }] } },
        ConditionExpression: '#version = :read',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':read': { N: '3' }, ':limit': { N: '2' } },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    });
    const wireKey = { pk: { S: 'USER#u1' }, sk: { S: 'PROFILE' } };
    expect(
      transactItemToWire({
        Update: {
          TableName: 't',
          Key: key,
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: { ':one': 1 },
        },
      }),
    ).toEqual({
      Update: {
        TableName: 't',
        Key: wireKey,
        UpdateExpression: 'ADD n :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
      },
    });
    expect(transactItemToWire({ Delete: { TableName: 't', Key: key } })).toEqual({
      Delete: { TableName: 't', Key: wireKey },
    });
    expect(
      transactItemToWire({
        ConditionCheck: { TableName: 't', Key: key, ConditionExpression: 'attribute_exists(pk)' },
      }),
    ).toEqual({
      ConditionCheck: { TableName: 't', Key: wireKey, ConditionExpression: 'attribute_exists(pk)' },
    });
  });

  it('refuses a part with no operation', () => {
    expect(() => transactItemToWire({})).toThrow(/one of Put, Update, Delete or ConditionCheck/);
  });

  it('reads back what it writes', () => {
    const item = { pk: 'USER#u1', sk: 'EVENT#e1', xp: 25, flags: { vip: true }, list: [1, 'two'] };
    expect(fromWire(toWire(item))).toEqual(item);
  });
});

describe('the client of a process', () => {
  it('resolves its middleware once per command class, unless asked not to (the bench baseline)', () => {
    expect(
      createDynamoClient({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1' }).config.cacheMiddleware,
    ).toBe(true);
    expect(createDynamoClient({ region: 'us-east-1' }).config.cacheMiddleware).toBe(true);
    const bare = createDynamoClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      cacheMiddleware: false,
    });
    expect(bare.config.cacheMiddleware).toBe(false);
  });
});
