import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { contractFor } from '../../events/catalog';
import { envelopeSchema, outcomeEventId } from '../../events/envelope';
import { eventRecordItem, outboxEnvelopes } from '../../shared/adapters/dynamo/event-record';
import { CorruptItemError, storedEntrySchema } from '../../shared/adapters/dynamo/items';
import { ledgerIndex } from '../../shared/adapters/dynamo/table-definition';
import { apply } from '../../shared/domain/apply';
import { newProfile } from '../../shared/domain/profile';
import type { Activity, AppliedOutcome, Profile } from '../../shared/domain/types';
import { createTestStore } from '../support/dynamodb';
import { activityFor, flatRules, scanAll, uniqueId } from '../support/game-fixtures';
import {
  itemSizeBytes,
  localIndexEntryBytes,
  localIndexWriteUnits,
  transactionWriteUnits,
} from '../support/item-size';

function awarded(profile: Profile, activity: Activity): AppliedOutcome {
  const outcome = apply(flatRules, profile, activity, new Date());
  if (outcome.status !== 'applied') throw new Error(`expected an award, got ${outcome.reason}`);
  return outcome;
}

/** Saves one outcome for a new user and returns it with everything the table then holds. */
async function saveOne(type: string, overrides: Partial<Activity> = {}) {
  const test = await createTestStore();
  const userId = uniqueId('user');
  const outcome = awarded(newProfile(userId, new Date()), activityFor(userId, type, overrides));
  await test.store.saveOutcome(outcome);
  const items = await scanAll(test.doc, test.tableName);
  const eventItem = items.find((item) => item.sk === `EVENT#${outcome.eventId}`);
  if (!eventItem) throw new Error('no event item written');
  return { ...test, userId, outcome, items, eventItem };
}

const quiz = () => ({ type: 'quiz_completed', overrides: {} as Partial<Activity> });

/**
 * Applies and saves activities for a new user one after another; returns the
 * last outcome and the items its transaction wrote (the profile and what is new).
 */
async function writesOf(steps: { type: string; overrides: Partial<Activity> }[]) {
  const test = await createTestStore();
  const userId = uniqueId('user');
  let profile = newProfile(userId, new Date());
  let before: Record<string, unknown>[] = [];
  let outcome: AppliedOutcome | undefined;
  for (const step of steps) {
    before = await scanAll(test.doc, test.tableName);
    outcome = awarded(profile, activityFor(userId, step.type, step.overrides));
    profile = await test.store.saveOutcome(outcome);
  }
  if (!outcome) throw new Error('no steps');
  const old = new Set(before.filter((item) => item.sk !== 'PROFILE').map((item) => String(item.sk)));
  const items = (await scanAll(test.doc, test.tableName)).filter((item) => !old.has(String(item.sk)));
  const eventItem = items.find((item) => item.sk === `EVENT#${outcome.eventId}`);
  if (!eventItem) throw new Error('no event item written');
  return { items, eventItem, outcome };
}

function expectCommonCaseUnits(items: Record<string, unknown>[], eventItem: Record<string, unknown>) {
  expect(items.map((item) => String(item.sk).split('#')[0]).sort()).toEqual(['EVENT', 'PROFILE']);
  for (const item of items) expect(itemSizeBytes(item)).toBeLessThan(1024);
  expect(localIndexEntryBytes(eventItem, ledgerIndex)).toBeLessThan(1024);
  expect(transactionWriteUnits(items)).toBe(4);
  expect(eventItem).not.toHaveProperty('unlocks');
  expect(transactionWriteUnits(items) + localIndexWriteUnits(items, ledgerIndex)).toBeLessThanOrEqual(6);
}

describe('the event item: ledger entry, replay answer and outbox in one', () => {
  it('is one of exactly two items an applied outcome writes, the other being the profile', async () => {
    const { items, outcome } = await saveOne('quiz_completed');

    expect(items.map((item) => item.sk).sort()).toEqual([`EVENT#${outcome.eventId}`, 'PROFILE']);
  });

  it('carries the time-ordered ledger index key and the entry as attributes of its own', async () => {
    const { eventItem, outcome } = await saveOne('quiz_completed');

    expect(eventItem).toMatchObject({
      ledger_sk: `TX#${outcome.entry.recordedAt}#${outcome.eventId}`,
      kind: 'activity',
      activity_type: 'quiz_completed',
      xp: outcome.entry.xp,
      coins: outcome.entry.coins,
      balance_xp: outcome.entry.balance.xp,
      balance_coins: outcome.entry.balance.coins,
    });
  });

  it("carries the outcome's events: the outbox publishes each in its contract's envelope", async () => {
    const { eventItem, outcome, userId } = await saveOne('quiz_completed');

    const envelopes = outboxEnvelopes(eventItem);

    // A new user's first quiz: the award, and the two streaks a quiz counts for, started.
    expect(outcome.events.map((e) => e.detailType)).toEqual([
      'points.awarded',
      'streak.updated',
      'streak.updated',
    ]);
    expect(envelopes.map((e) => e.metadata)).toEqual(
      outcome.events.map((event, i) => ({
        id: outcomeEventId(userId, outcome.eventId, i),
        type: event.detailType,
        version: 1,
        source: 'questline',
        occurred_at: outcome.entry.recordedAt,
        correlation_id: outcome.eventId,
        user_id: userId,
      })),
    );
    // Stored lean (what the item says anyway is left out), published whole.
    expect(envelopes.map((e) => e.data)).toEqual(outcome.events.map((e) => e.data));
    for (const envelope of envelopes) {
      expect(envelopeSchema(contractFor(envelope.metadata.type).schema).safeParse(envelope).success).toBe(
        true,
      );
    }
  });

  it('keeps every event of a level-up outcome in order, with ids by position', async () => {
    const { eventItem, outcome } = await saveOne('custom', { amount: 260 });

    const envelopes = outboxEnvelopes(eventItem);

    expect(envelopes.map((e) => e.metadata.type)).toEqual(outcome.events.map((e) => e.detailType));
    expect(envelopes.map((e) => e.metadata.type)).toContain('level.up');
    expect(envelopes.map((e) => e.metadata.id)).toEqual(
      envelopes.map((_, i) => outcomeEventId(outcome.userId, outcome.eventId, i)),
    );
    expect(envelopes.map((e) => e.metadata.correlation_id)).toEqual(envelopes.map(() => outcome.eventId));
  });

  it('keeps (a) a second activity on a day at 2 items under 1 KB and one small index entry: at most 6 write units', async () => {
    const { items, eventItem, outcome } = await writesOf([quiz(), quiz()]);

    expect(outcome.streaks.map((c) => c.action)).toEqual(['maintained', 'maintained']);
    expectCommonCaseUnits(items, eventItem);
  });

  it('keeps (b) the first activity of a day, with its streak.updated events, at at most 6 write units', async () => {
    const { items, eventItem, outcome } = await writesOf([quiz()]);

    expect(outcome.events.filter((e) => e.detailType === 'streak.updated')).toHaveLength(2);
    expectCommonCaseUnits(items, eventItem);
  });

  it('keeps (c) an unlock under 1 KB per item and adds no item for it: 6 write units with a once-per-subject marker', async () => {
    const { items, eventItem, outcome } = await writesOf([
      { type: 'lesson_complete', overrides: { subjectId: 'lesson-1' } },
    ]);

    expect(outcome.achievements.map((u) => `${u.id}#${u.times}`)).toEqual(['first_lesson#1']);
    // the count CountUnlocks' stream filter looks for; an event item without unlocks has none
    expect(eventItem?.unlocks).toBe(1);
    // The unlock is recorded in the event item and the profile; the profile's version guards it.
    expect(items.map((item) => String(item.sk).split('#')[0]).sort()).toEqual(['EVENT', 'ONCE', 'PROFILE']);
    for (const item of items) expect(itemSizeBytes(item)).toBeLessThan(1024);
    // 2 units each: event, profile and the once-per-subject marker; with the
    // ledger index entry (1, or 2 at the transactional rate), at most 8 in all
    expect(transactionWriteUnits(items)).toBe(6);
    expect(localIndexEntryBytes(eventItem, ledgerIndex)).toBeLessThan(1024);
  });

  it('projects into the ledger index exactly the fields a ledger entry is stored with', async () => {
    const { eventItem } = await saveOne('quiz_completed');
    const { outcome, events, pk, sk, ledger_sk, ...entryFields } = eventItem;

    expect([...ledgerIndex.projectedAttributes].sort()).toEqual(Object.keys(storedEntrySchema.shape).sort());
    expect(ledgerIndex.projectedAttributes).toEqual(expect.arrayContaining(Object.keys(entryFields)));
    // In the item, not in the index: a history page never needs the replay copy or the outbox.
    expect([outcome, events, pk, sk, ledger_sk].every((value) => typeof value === 'string')).toBe(true);
    expect(ledgerIndex.projectedAttributes).not.toContain('outcome');
    expect(ledgerIndex.projectedAttributes).not.toContain('events');
  });

  it('treats an event item whose ledger position names another event as corrupt, on replay and in history', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const outcome = awarded(newProfile(userId, new Date()), activityFor(userId, 'quiz_completed'));
    const item = { ...eventRecordItem(outcome), ledger_sk: `TX#${outcome.entry.recordedAt}#another-event` };
    await doc.send(new PutCommand({ TableName: tableName, Item: item }));

    await expect(store.findAppliedOutcome(userId, outcome.eventId)).rejects.toBeInstanceOf(CorruptItemError);
    await expect(store.listLedger(userId, { limit: 5 })).rejects.toBeInstanceOf(CorruptItemError);
  });
});
