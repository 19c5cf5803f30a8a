import { beforeAll, describe, expect, it, vi } from 'vitest';
import { invoke } from './support/events';
import { freezeEvent, getMyStreaksEvent, loadProgressApi, type ProgressApi } from './support/progress-api';
import { activityBody, adjustmentEvent, asUser, recordActivityEvent, uniqueId } from './support/requests';

let api: ProgressApi;

beforeAll(async () => {
  api = await loadProgressApi();
});

async function grantCoins(userId: string, coins: number) {
  const body = { event_id: uniqueId('grant'), direction: 'grant', coins, reason: 'test grant' };
  expect((await invoke(api.adjustUserBalance, adjustmentEvent(userId, body))).statusCode).toBe(201);
}

describe('POST /v1/me/streaks/{type}/freeze with {"buy": true}: buying a freeze with coins', () => {
  it('spends price_coins through the ledger and adds one freeze to the wallet (201)', async () => {
    const userId = uniqueId('buyer');
    await grantCoins(userId, 250);
    const eventId = uniqueId('buy');
    const response = await invoke(
      api.freezeStreak,
      freezeEvent(asUser(userId), 'daily_activity', { buy: true, event_id: eventId }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.body).toMatchObject({
      action: 'bought',
      duplicate: false,
      event_id: `me:${eventId}`,
      coins_spent: 200,
      coins: 50,
      freezes_held: 4,
    });
    const { entries } = await api.store.listLedger(userId, { limit: 1 });
    expect(entries[0]).toMatchObject({
      eventId: `me:${eventId}`,
      kind: 'purchase',
      coins: -200,
      xp: 0,
      reason: 'Bought a streak freeze',
    });
  });

  it('applies a purchase once per event_id: a replay answers 200 duplicate and charges nothing', async () => {
    const userId = uniqueId('replay');
    await grantCoins(userId, 1000);
    const body = { buy: true, event_id: uniqueId('buy') };
    expect(
      (await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity', body))).statusCode,
    ).toBe(201);
    const replay = await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity', body));
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toMatchObject({ duplicate: true, coins: 800, freezes_held: 4 });
  });

  it('refuses with 422 insufficient_coins and writes nothing', async () => {
    const userId = uniqueId('poor');
    await grantCoins(userId, 199);
    const body = { buy: true, event_id: uniqueId('buy') };
    const response = await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity', body));
    expect(response.statusCode).toBe(422);
    expect(response.body.error.code).toBe('insufficient_coins');
    const after = await invoke(api.getMyStreaks, getMyStreaksEvent(asUser(userId)));
    expect(after.body.freezes_held).toBe(3);
  });

  it('answers 409 freezes_full once the wallet holds freezes.max', async () => {
    const userId = uniqueId('full');
    await grantCoins(userId, 1000);
    for (const _ of [1, 2]) {
      const body = { buy: true, event_id: uniqueId('buy') };
      expect(
        (await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity', body))).statusCode,
      ).toBe(201);
    }
    const body = { buy: true, event_id: uniqueId('buy') };
    const full = await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity', body));
    expect(full.statusCode).toBe(409);
    expect(full.body.error.code).toBe('freezes_full');
  });

  it('answers 400 when buying without an event_id, or naming an event_id without buying', async () => {
    const userId = uniqueId('u');
    const noId = await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity', { buy: true }));
    expect(noId.statusCode).toBe(400);
    expect(noId.body.error.details).toEqual([expect.objectContaining({ field: 'event_id' })]);
    const idOnly = await invoke(
      api.freezeStreak,
      freezeEvent(asUser(userId), 'daily_activity', { event_id: uniqueId('buy') }),
    );
    expect(idOnly.statusCode).toBe(400);
  });

  it('answers 404 for an unknown type and 409 for an unfreezable one, charging nothing', async () => {
    const userId = uniqueId('typed');
    await grantCoins(userId, 500);
    const unknown = await invoke(
      api.freezeStreak,
      freezeEvent(asUser(userId), 'yoga', { buy: true, event_id: uniqueId('buy') }),
    );
    expect(unknown.statusCode).toBe(404);
    const login = await invoke(
      api.freezeStreak,
      freezeEvent(asUser(userId), 'daily_login', { buy: true, event_id: uniqueId('buy') }),
    );
    expect(login.statusCode).toBe(409);
    expect(login.body.error.code).toBe('streak_not_freezable');
  });

  it('counts against the shop rate limit, as a purchase in the shop does: 429 past 20 a minute', async () => {
    // The limit counts per clock minute: hold the clock 10 s into the next one (only Date is faked).
    const minute = 60_000;
    vi.useFakeTimers({ toFake: ['Date'], now: (Math.floor(Date.now() / minute) + 1) * minute + 10_000 });
    try {
      const userId = uniqueId('hoarder');
      const buy = () =>
        invoke(
          api.freezeStreak,
          freezeEvent(asUser(userId), 'daily_activity', { buy: true, event_id: uniqueId('buy') }),
        );
      const statuses = [];
      // no coins: each is refused (422), and each still counts
      for (let i = 0; i < 20; i++) statuses.push((await buy()).statusCode);
      expect(statuses.every((s) => s === 422)).toBe(true);
      const limited = await buy();
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBe(50);
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps the user's event ids apart from the backend's: a key cannot squat an activity's id", async () => {
    const userId = uniqueId('squatter');
    await grantCoins(userId, 500);
    // the user guesses the id the backend will send for their next lesson
    const squat = { buy: true, event_id: 'lesson-7' };
    expect(
      (await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity', squat))).statusCode,
    ).toBe(201);
    const lesson = activityBody(userId, { event_id: 'lesson-7' });
    const recorded = await invoke(api.recordActivity, recordActivityEvent(lesson));
    expect(recorded.statusCode).toBe(201);
    expect(recorded.body).toMatchObject({ event_id: 'lesson-7', duplicate: false });
    const { entries } = await api.store.listLedger(userId, { limit: 5 });
    expect(entries.map((e) => e.eventId).sort()).toEqual(expect.arrayContaining(['lesson-7', 'me:lesson-7']));
  });
});
