import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { eventRecordItem } from '../../shared/adapters/dynamo/event-record';
import { batchIdOf, unlockStatsDelta } from '../../shared/adapters/dynamo/unlock-stats-stream';
import { apply } from '../../shared/domain/apply';
import { newProfile } from '../../shared/domain/profile';
import { passesStreamFilter, tableStreamConsumers } from '../../shared/streams/table-stream-consumers';
import { activityFor, flatRules } from '../support/game-fixtures';

const STREAM_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-11-23T00:00:00.000';

function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  pk: string,
  sk: string,
  newImage?: Record<string, unknown>,
): DynamoDBRecord {
  return {
    eventID: `${pk}|${sk}-${eventName}`,
    eventName,
    eventSourceARN: STREAM_ARN,
    dynamodb: {
      Keys: { pk: { S: pk }, sk: { S: sk } },
      ...(newImage && {
        NewImage: marshall({ pk, sk, ...newImage }) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      }),
    },
  };
}

/** A new event item recording these unlocks ([achievement id, times]), in the stored tuple form. */
function eventWithUnlocks(pk: string, eventId: string, unlocks: [string, number][]): DynamoDBRecord {
  const achievements = unlocks.map(([id, times]) => [id, id, 0, 0, times, 'special', 'common', null]);
  return record('INSERT', pk, `EVENT#${eventId}`, {
    outcome: JSON.stringify({ achievements }),
    ...(unlocks.length > 0 && { unlocks: unlocks.length }),
  });
}

describe('unlockStatsDelta: what a stream batch adds to the rarity counts', () => {
  it('counts a created profile as a user and a first unlock as one unlock of its achievement', () => {
    const delta = unlockStatsDelta(flatRules, [
      record('INSERT', 'USER#a', 'PROFILE'),
      eventWithUnlocks('USER#a', 'e1', [['first_lesson', 1]]),
      record('INSERT', 'USER#b', 'PROFILE'),
      eventWithUnlocks('USER#b', 'e2', [['first_lesson', 1]]),
    ]);
    expect(delta).toEqual({ users: 2, unlocks: { first_lesson: 2 } });
  });

  it("counts each tier of a tiered achievement under its tier name, by the unlock's count", () => {
    const delta = unlockStatsDelta(flatRules, [
      eventWithUnlocks('USER#a', 'e1', [['storyteller', 1]]),
      eventWithUnlocks('USER#a', 'e2', [['storyteller', 2]]),
      eventWithUnlocks('USER#b', 'e3', [['storyteller', 1]]),
    ]);
    expect(delta.unlocks).toEqual({ 'storyteller#bronze': 2, 'storyteller#silver': 1 });
  });

  it('counts a repeatable achievement once per user: repeats past the first are not new holders', () => {
    const delta = unlockStatsDelta(flatRules, [
      eventWithUnlocks('USER#a', 'e1', [['flashcard_habit', 1]]),
      eventWithUnlocks('USER#a', 'e2', [['flashcard_habit', 2]]),
      eventWithUnlocks('USER#a', 'e3', [['flashcard_habit', 3]]),
    ]);
    expect(delta.unlocks).toEqual({ flashcard_habit: 1 });
  });

  it('skips and reports an unreadable event item, counting the rest of the batch: no record can fail it', () => {
    const unreadable: string[] = [];
    const broken = record('INSERT', 'USER#b', 'EVENT#e2', { outcome: '{not json', unlocks: 1 });
    const delta = unlockStatsDelta(
      flatRules,
      [
        eventWithUnlocks('USER#a', 'e1', [['first_lesson', 1]]),
        broken,
        eventWithUnlocks('USER#c', 'e3', [['first_lesson', 1]]),
      ],
      (r) => unreadable.push(r.dynamodb?.Keys?.sk?.S ?? ''),
    );
    expect(delta.unlocks).toEqual({ first_lesson: 2 });
    expect(unreadable).toEqual(['EVENT#e2']);
  });

  it('ignores profile updates, other items, other partitions and achievements gone from the rules', () => {
    const delta = unlockStatsDelta(flatRules, [
      record('MODIFY', 'USER#a', 'PROFILE'),
      eventWithUnlocks('USER#a', 'e1', []),
      record('INSERT', 'USER#a', 'ONCE#lesson_complete#s1', { event_id: 'e2' }),
      record('INSERT', 'STATS#ACHIEVEMENTS', 'USERS'),
      // an old unlock marker from before unlocks were counted off event items
      record('INSERT', 'USER#a', 'ACH#first_lesson#1', { event_id: 'e3' }),
      eventWithUnlocks('USER#a', 'e4', [['retired_badge', 1]]),
      eventWithUnlocks('USER#a', 'e5', [['storyteller', 9]]),
      // an event item written again would be a MODIFY: never counted twice
      { ...eventWithUnlocks('USER#a', 'e6', [['first_lesson', 1]]), eventName: 'MODIFY' },
      eventWithUnlocks('OTHER#a', 'e7', [['first_lesson', 1]]),
    ]);
    expect(delta).toEqual({ users: 0, unlocks: {} });
  });

  it('takes a user back for a deleted profile', () => {
    const delta = unlockStatsDelta(flatRules, [
      record('INSERT', 'USER#a', 'PROFILE'),
      record('REMOVE', 'USER#b', 'PROFILE'),
      record('REMOVE', 'USER#c', 'PROFILE'),
      record('REMOVE', 'USER#b', 'EVENT#e1'),
    ]);
    expect(delta).toEqual({ users: -1, unlocks: {} });
  });

  it('reads the unlocks of an event item as the store writes it', () => {
    const userId = 'stream-user';
    const outcome = apply(
      flatRules,
      newProfile(userId, new Date()),
      activityFor(userId, 'lesson_complete', { subjectId: 'lesson-1' }),
      new Date(),
    );
    if (outcome.status !== 'applied') throw new Error(outcome.reason);
    const item = eventRecordItem(outcome) as Record<string, unknown>;
    const delta = unlockStatsDelta(flatRules, [record('INSERT', String(item.pk), String(item.sk), item)]);
    expect(outcome.achievements.map((u) => u.id)).toContain('first_lesson');
    expect(delta.unlocks).toEqual(Object.fromEntries(outcome.achievements.map((u) => [u.id, 1])));
  });
});

describe('batchIdOf: the idempotency token of a stream batch', () => {
  const batch = [
    record('INSERT', 'USER#a', 'PROFILE'),
    eventWithUnlocks('USER#a', 'e1', [['first_lesson', 1]]),
  ];

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
  const filters = countUnlocks?.filters ?? [];

  it('lets through created and deleted profiles and new event items that carry unlocks', () => {
    expect(passesStreamFilter(filters, record('INSERT', 'USER#a', 'PROFILE'))).toBe(true);
    expect(passesStreamFilter(filters, record('REMOVE', 'USER#a', 'PROFILE'))).toBe(true);
    expect(passesStreamFilter(filters, eventWithUnlocks('USER#a', 'e', [['first_lesson', 1]]))).toBe(true);
  });

  it('holds back profile updates and every other item', () => {
    expect(passesStreamFilter(filters, record('MODIFY', 'USER#a', 'PROFILE'))).toBe(false);
    expect(passesStreamFilter(filters, record('INSERT', 'USER#a', 'ONCE#lesson_complete#s1'))).toBe(false);
    expect(passesStreamFilter(filters, record('INSERT', 'USER#a', 'TX#e'))).toBe(false);
    // an activity that unlocked nothing: its event item has no count, and never invokes the consumer
    expect(passesStreamFilter(filters, eventWithUnlocks('USER#a', 'e', []))).toBe(false);
    expect(passesStreamFilter(filters, record('INSERT', 'USER#a', 'EVENT#e', { unlocks: 'two' }))).toBe(
      false,
    );
    expect(
      passesStreamFilter(filters, { ...eventWithUnlocks('USER#a', 'e', [['x', 1]]), eventName: 'REMOVE' }),
    ).toBe(false);
    expect(passesStreamFilter(filters, record('INSERT', 'USER#a', 'PROFILES'))).toBe(false);
    expect(passesStreamFilter(filters, { eventName: 'INSERT' })).toBe(false);
  });
});
