import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { batchIdOf, unlockStatsDelta } from '../../shared/adapters/dynamo/unlock-stats-stream';
import { passesStreamFilter, tableStreamConsumers } from '../../shared/streams/table-stream-consumers';
import { flatRules } from '../support/game-fixtures';

const STREAM_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-11-23T00:00:00.000';

function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  pk: string,
  sk: string,
  id = `${pk}|${sk}`,
): DynamoDBRecord {
  return {
    eventID: `${id}-${eventName}`,
    eventName,
    eventSourceARN: STREAM_ARN,
    dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } } },
  };
}

describe('unlockStatsDelta: what a stream batch adds to the rarity counts', () => {
  it('counts a created profile as a user and a first unlock as one unlock of its achievement', () => {
    const delta = unlockStatsDelta(flatRules, [
      record('INSERT', 'USER#a', 'PROFILE'),
      record('INSERT', 'USER#a', 'ACH#first_lesson#1'),
      record('INSERT', 'USER#b', 'PROFILE'),
      record('INSERT', 'USER#b', 'ACH#first_lesson#1'),
    ]);
    expect(delta).toEqual({ users: 2, unlocks: { first_lesson: 2 } });
  });

  it('counts each tier of a tiered achievement under its tier name, by the marker index', () => {
    const delta = unlockStatsDelta(flatRules, [
      record('INSERT', 'USER#a', 'ACH#storyteller#1'),
      record('INSERT', 'USER#a', 'ACH#storyteller#2'),
      record('INSERT', 'USER#b', 'ACH#storyteller#1'),
    ]);
    expect(delta.unlocks).toEqual({ 'storyteller#bronze': 2, 'storyteller#silver': 1 });
  });

  it('counts a repeatable achievement once per user: repeats past the first are not new holders', () => {
    const delta = unlockStatsDelta(flatRules, [
      record('INSERT', 'USER#a', 'ACH#flashcard_habit#1'),
      record('INSERT', 'USER#a', 'ACH#flashcard_habit#2'),
      record('INSERT', 'USER#a', 'ACH#flashcard_habit#3'),
    ]);
    expect(delta.unlocks).toEqual({ flashcard_habit: 1 });
  });

  it('ignores profile updates, other items, other partitions and achievements gone from the rules', () => {
    const delta = unlockStatsDelta(flatRules, [
      record('MODIFY', 'USER#a', 'PROFILE'),
      record('INSERT', 'USER#a', 'EVENT#e1'),
      record('INSERT', 'USER#a', 'ONCE#lesson_complete#s1'),
      record('INSERT', 'STATS#ACHIEVEMENTS', 'USERS'),
      record('INSERT', 'USER#a', 'ACH#retired_badge#1'),
      record('INSERT', 'USER#a', 'ACH#storyteller#9'),
      record('INSERT', 'USER#a', 'ACH#malformed'),
    ]);
    expect(delta).toEqual({ users: 0, unlocks: {} });
  });

  it('takes a count back for a deleted profile or unlock marker', () => {
    const delta = unlockStatsDelta(flatRules, [
      record('INSERT', 'USER#a', 'PROFILE'),
      record('REMOVE', 'USER#b', 'PROFILE'),
      record('REMOVE', 'USER#b', 'ACH#first_lesson#1'),
    ]);
    expect(delta).toEqual({ users: 0, unlocks: { first_lesson: -1 } });
  });
});

describe('batchIdOf: the idempotency token of a stream batch', () => {
  const batch = [record('INSERT', 'USER#a', 'PROFILE'), record('INSERT', 'USER#a', 'ACH#first_lesson#1')];

  it('is the same for the same records (a retried batch) and fits a ClientRequestToken with its chunk suffix', () => {
    const id = batchIdOf(batch);
    expect(batchIdOf(batch.map((r) => ({ ...r })))).toBe(id);
    expect(`${id}-99`.length).toBeLessThanOrEqual(36);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('differs for a batch with other records, fewer records, or records in another order', () => {
    const id = batchIdOf(batch);
    expect(batchIdOf([batch[0] as DynamoDBRecord])).not.toBe(id);
    expect(batchIdOf([...batch].reverse())).not.toBe(id);
    expect(batchIdOf([record('INSERT', 'USER#c', 'PROFILE')])).not.toBe(
      batchIdOf([batch[0] as DynamoDBRecord]),
    );
  });
});

describe('passesStreamFilter: the filter the CDK event source mapping carries, applied locally', () => {
  const countUnlocks = tableStreamConsumers.find((c) => c.id === 'CountUnlocks');
  const filter = countUnlocks?.filter ?? { events: [], sortKeys: [], sortKeyPrefixes: [] };

  it('lets through created and deleted profiles and unlock markers', () => {
    expect(passesStreamFilter(filter, record('INSERT', 'USER#a', 'PROFILE'))).toBe(true);
    expect(passesStreamFilter(filter, record('REMOVE', 'USER#a', 'PROFILE'))).toBe(true);
    expect(passesStreamFilter(filter, record('INSERT', 'USER#a', 'ACH#first_lesson#1'))).toBe(true);
  });

  it('holds back profile updates and every other item', () => {
    expect(passesStreamFilter(filter, record('MODIFY', 'USER#a', 'PROFILE'))).toBe(false);
    expect(passesStreamFilter(filter, record('INSERT', 'USER#a', 'EVENT#e'))).toBe(false);
    expect(passesStreamFilter(filter, record('INSERT', 'USER#a', 'PROFILES'))).toBe(false);
    expect(passesStreamFilter(filter, { eventName: 'INSERT' })).toBe(false);
  });
});
