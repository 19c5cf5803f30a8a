import { describe, expect, it } from 'vitest';
import { outcomeEventId } from '../../events/envelope';
import { outboxRecordEnvelopes } from '../../shared/adapters/dynamo/outbox-record';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { makeUseStreakFreeze } from '../../shared/app/use-streak-freeze';
import { newProfile } from '../../shared/domain/profile';
import { StaleProfileError } from '../../shared/ports/game';
import { createTestStore } from '../support/dynamodb';
import { depsFor, scanAll, uniqueId } from '../support/game-fixtures';

const DAY_MS = 86_400_000;

describe('a profile change with events (an explicit streak freeze)', () => {
  it('writes the profile and an outbox item with the streak.frozen events in one transaction', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    let now = new Date(Date.now() - DAY_MS);
    const deps = depsFor(store, { clock: { now: () => now } });
    await makeRecordActivity(deps)({
      eventId: uniqueId('evt'),
      userId,
      type: 'quiz_completed',
      occurredAt: now.toISOString(),
    });
    now = new Date();

    const used = await makeUseStreakFreeze(deps)(userId, 'daily_activity', 'req-1');

    const items = await scanAll(doc, tableName);
    const outbox = items.filter(
      (item) => item.pk === `USER#${userId}` && String(item.sk).startsWith('OUTBOX#'),
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ sk: 'OUTBOX#req-1', event_id: 'req-1' });
    expect(outbox[0]).not.toHaveProperty('ledger_sk');
    // kept: the only record of the freeze spent that day, which a replay of the history reads
    expect(outbox[0]).not.toHaveProperty('expires_at');
    const envelopes = outboxRecordEnvelopes(outbox[0] ?? {});
    expect(envelopes.map((e) => e.metadata.type)).toEqual(['streak.updated', 'streak.frozen']);
    expect(envelopes[1]).toMatchObject({
      metadata: {
        id: outcomeEventId(userId, 'req-1', 1),
        correlation_id: 'req-1',
        user_id: userId,
        source: 'questline',
      },
      data: { user_id: userId, streak_type: 'daily_activity', freezes_left: 2 },
    });
    expect(used.view.freezesHeld).toBe(2);
    expect((await store.getProfile(userId))?.streakFreezes?.held).toBe(2);
  });

  it('writes neither the profile nor the outbox item when the profile changed since it was read', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const stored = await store.saveProfile(newProfile(userId, new Date()));
    await store.saveProfile({ ...stored, vipTier: 'premium' });
    const event = { detailType: 'streak.frozen', data: { user_id: userId } };

    const stale = store.saveProfileChange({
      profile: { ...stored, timeZone: 'Asia/Tokyo' },
      eventId: 'r',
      events: [event],
    });

    await expect(stale).rejects.toBeInstanceOf(StaleProfileError);
    const items = await scanAll(doc, tableName);
    expect(items.filter((item) => item.pk === `USER#${userId}`).map((item) => item.sk)).toEqual(['PROFILE']);
    expect((await store.getProfile(userId))?.timeZone).toBe('UTC');
  });
});
