import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../shared/rules/load';
import { rewardOf } from '../support/game-fixtures';
import { invoke } from './support/events';
import { type ApiUnderTest, loadApi } from './support/handlers';
import { activityBody, adjustmentEvent, recordActivityEvent, uniqueId } from './support/requests';

let api: ApiUnderTest;

beforeAll(async () => {
  api = await loadApi();
});

const adjustment = (overrides: Record<string, unknown>) => ({
  event_id: uniqueId('adj'),
  direction: 'grant',
  reason: 'support ticket 42',
  ...overrides,
});

const fields = (body: { error: { details?: { field: string }[] } }) =>
  (body.error.details ?? []).map((d) => d.field).sort();

describe('POST /v1/internal/users/{id}/adjustments', () => {
  it('grants coins and XP, unmultiplied, and answers 201', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.adjustUserBalance,
      adjustmentEvent(userId, adjustment({ xp: 40, coins: 25 })),
    );
    expect(response.statusCode).toBe(201);
    expect(response.body).toMatchObject({
      duplicate: false,
      awarded: { xp: 40, coins: 25, multiplier: 1 },
      profile: { user_id: userId, xp: 40, coins: 25 },
    });
  });

  it('deducts coins as a negative change', async () => {
    const userId = uniqueId('user');
    await invoke(api.adjustUserBalance, adjustmentEvent(userId, adjustment({ coins: 30 })));
    const response = await invoke(
      api.adjustUserBalance,
      adjustmentEvent(userId, adjustment({ direction: 'deduct', coins: 10 })),
    );
    expect(response.statusCode).toBe(201);
    expect(response.body.awarded.coins).toBe(-10);
    expect(response.body.profile.coins).toBe(20);
  });

  it('answers a replay with 200 duplicate and applies it once', async () => {
    const userId = uniqueId('user');
    const body = adjustment({ coins: 15 });
    expect((await invoke(api.adjustUserBalance, adjustmentEvent(userId, body))).statusCode).toBe(201);
    const replay = await invoke(api.adjustUserBalance, adjustmentEvent(userId, body));
    expect(replay.statusCode).toBe(200);
    expect(replay.body.duplicate).toBe(true);
    expect((await api.store.getProfile(userId))?.coins).toBe(15);
  });

  it('refuses to deduct more coins than the user has with 422 insufficient_coins and writes nothing', async () => {
    const userId = uniqueId('user');
    await invoke(api.recordActivity, recordActivityEvent(activityBody(userId)));
    const response = await invoke(
      api.adjustUserBalance,
      adjustmentEvent(userId, adjustment({ direction: 'deduct', coins: 1000 })),
    );
    expect(response.statusCode).toBe(422);
    expect(response.body.error.code).toBe('insufficient_coins');
    // the flashcard set's 2 coins and the catalog's first-flashcards reward, untouched
    expect((await api.store.getProfile(userId))?.coins).toBe(
      2 + rewardOf(defaultRules(), 'first_flashcards').coins,
    );
    expect((await api.store.listLedger(userId, { limit: 10 })).entries).toHaveLength(1);
  });

  it('refuses an invalid user id in the path with 400 naming id', async () => {
    const response = await invoke(
      api.adjustUserBalance,
      adjustmentEvent('no spaces/allowed', adjustment({ xp: 1 })),
    );
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['id']);
  });

  it.each([
    [{ xp: -5 }, ['xp']],
    [{ xp: 0, coins: 0 }, ['xp']],
    [{ coins: 1.5 }, ['coins']],
    [{ coins: 5, direction: 'steal' }, ['direction']],
    [{ coins: 5, reason: '' }, ['reason']],
    [{ coins: 5, reason: 'r'.repeat(201) }, ['reason']],
    [{ coins: 5, event_id: undefined }, ['event_id']],
    [{ coins: 5, user_id: 'someone-else' }, ['user_id']],
  ])('refuses %j with 400 naming %j, writing nothing', async (overrides, expected) => {
    const userId = uniqueId('user');
    const response = await invoke(api.adjustUserBalance, adjustmentEvent(userId, adjustment(overrides)));
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(expected);
    expect(await api.store.getProfile(userId)).toBeNull();
  });

  it('refuses a call without IAM credentials with 401', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.adjustUserBalance,
      adjustmentEvent(userId, adjustment({ coins: 5 }), { kind: 'none' }),
    );
    expect(response.statusCode).toBe(401);
    expect(await api.store.getProfile(userId)).toBeNull();
  });
});
