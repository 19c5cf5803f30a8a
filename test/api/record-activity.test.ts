import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../shared/rules/load';
import { rewardOf } from '../support/game-fixtures';
import { invoke } from './support/events';
import { type ApiUnderTest, loadApi } from './support/handlers';
import { activityBody, recordActivityEvent, uniqueId } from './support/requests';

let api: ApiUnderTest;

beforeAll(async () => {
  api = await loadApi();
});

/** A refused request must leave no trace: no profile, no ledger entry. */
async function expectNothingWritten(userId: string) {
  expect(await api.store.getProfile(userId)).toBeNull();
  expect((await api.store.listLedger(userId, { limit: 10 })).entries).toEqual([]);
}

describe('POST /v1/internal/activities', () => {
  it('awards XP and coins by the rules and answers 201 with the outcome', async () => {
    const userId = uniqueId('user');
    const response = await invoke(api.recordActivity, recordActivityEvent(activityBody(userId)));
    expect(response.statusCode).toBe(201);
    // A first flashcard set: 10 XP / 2 coins, plus the catalog's "Card Shark" reward; it starts
    // the two streaks flashcards count for.
    const cardShark = rewardOf(defaultRules(), 'first_flashcards');
    const [xp, coins] = [10 + cardShark.xp, 2 + cardShark.coins];
    expect(response.body).toMatchObject({
      duplicate: false,
      awarded: { xp, coins, base_xp: 10, base_coins: 2, multiplier: 1 },
      profile: { user_id: userId, xp, coins, level: 1, title: 'Novice', scene_level: 0 },
      level_ups: [],
      milestones: [],
      streaks: [
        { type: 'daily_activity', action: 'started', current: 1, longest: 1 },
        { type: 'study', action: 'started', current: 1, longest: 1 },
      ],
      achievements: [{ id: 'first_flashcards', name: 'Card Shark', ...cardShark }],
    });
    expect((await api.store.getProfile(userId))?.xp).toBe(xp);
  });

  it('answers a replayed event id with 200, the first outcome and duplicate true, applying it once', async () => {
    const userId = uniqueId('user');
    const body = activityBody(userId, { activity_type: 'quiz_completed' });
    const first = await invoke(api.recordActivity, recordActivityEvent(body));
    const replay = await invoke(api.recordActivity, recordActivityEvent(body));
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toEqual({ ...first.body, duplicate: true });
    expect((await api.store.getProfile(userId))?.xp).toBe(30);
  });

  it('reports level-ups and milestones crossed by one award', async () => {
    const userId = uniqueId('user');
    const body = activityBody(userId, { activity_type: 'custom', amount: 300 });
    const response = await invoke(api.recordActivity, recordActivityEvent(body));
    expect(response.statusCode).toBe(201);
    expect(response.body.awarded).toMatchObject({ xp: 300, coins: 30 });
    expect(response.body.level_ups.map((l: { level: number }) => l.level)).toEqual([2, 3]);
    expect(response.body.milestones).toEqual([expect.objectContaining({ scene_level: 1, xp: 250 })]);
  });

  it('refuses an unknown activity with 422 unknown_activity and writes nothing', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.recordActivity,
      recordActivityEvent(activityBody(userId, { activity_type: 'became_king' })),
    );
    expect(response.statusCode).toBe(422);
    expect(response.body.error.code).toBe('unknown_activity');
    await expectNothingWritten(userId);
  });

  it('refuses a second daily login on the same local day with 422 already_done_today', async () => {
    const userId = uniqueId('user');
    const login = () => activityBody(userId, { activity_type: 'daily_login' });
    expect((await invoke(api.recordActivity, recordActivityEvent(login()))).statusCode).toBe(201);
    const again = await invoke(api.recordActivity, recordActivityEvent(login()));
    expect(again.statusCode).toBe(422);
    expect(again.body.error.code).toBe('already_done_today');
    expect((await api.store.listLedger(userId, { limit: 10 })).entries).toHaveLength(1);
  });

  it('refuses the same lesson twice with 422 already_done_for_subject', async () => {
    const userId = uniqueId('user');
    const lesson = () => activityBody(userId, { activity_type: 'lesson_complete', subject_id: 'lesson-1' });
    expect((await invoke(api.recordActivity, recordActivityEvent(lesson()))).statusCode).toBe(201);
    const again = await invoke(api.recordActivity, recordActivityEvent(lesson()));
    expect(again.statusCode).toBe(422);
    expect(again.body.error.code).toBe('already_done_for_subject');
  });

  it('refuses an activity dated far in the past with 422 event_too_old', async () => {
    const userId = uniqueId('user');
    const body = activityBody(userId, { occurred_at: '2001-01-01T00:00:00Z' });
    const response = await invoke(api.recordActivity, recordActivityEvent(body));
    expect(response.statusCode).toBe(422);
    expect(response.body.error.code).toBe('event_too_old');
    await expectNothingWritten(userId);
  });

  it('refuses a call without IAM credentials with 401 and writes nothing', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.recordActivity,
      recordActivityEvent(activityBody(userId), { kind: 'none' }),
    );
    expect(response.statusCode).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
    await expectNothingWritten(userId);
  });

  it('refuses an end-user token on a service route with 401', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.recordActivity,
      recordActivityEvent(activityBody(userId), { kind: 'jwt', sub: userId }),
    );
    expect(response.statusCode).toBe(401);
    await expectNothingWritten(userId);
  });
});
