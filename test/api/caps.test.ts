import { beforeAll, describe, expect, it } from 'vitest';
import defaultRulesJson from '../../shared/rules/default-rules.json';
import { invoke } from './support/events';
import { type ApiUnderTest, loadApi } from './support/handlers';
import { activityBody, recordActivityEvent, uniqueId } from './support/requests';

let api: ApiUnderTest;

/** Operator rules passed like the CDK and `npm start --rules` do: a small hourly cap on quizzes. */
const rules = structuredClone(defaultRulesJson);
rules.activities.quiz_completed.caps = { per_hour: 2, per_day: 3 };

beforeAll(async () => {
  api = await loadApi({ rulesJson: JSON.stringify(rules) });
});

describe('caps, with operator rules', () => {
  it('refuses the activity past its hourly cap with 422 cap_reached and writes nothing more', async () => {
    const userId = uniqueId('user');
    const quiz = () => activityBody(userId, { activity_type: 'quiz_completed' });
    expect((await invoke(api.recordActivity, recordActivityEvent(quiz()))).statusCode).toBe(201);
    expect((await invoke(api.recordActivity, recordActivityEvent(quiz()))).statusCode).toBe(201);
    const capped = await invoke(api.recordActivity, recordActivityEvent(quiz()));
    expect(capped.statusCode).toBe(422);
    expect(capped.body.error.code).toBe('cap_reached');
    const profile = await api.store.getProfile(userId);
    expect(profile?.xp).toBe(60);
    expect((await api.store.listLedger(userId, { limit: 10 })).entries).toHaveLength(2);
  });

  it('still awards other activities once one is capped', async () => {
    const userId = uniqueId('user');
    for (let i = 0; i < 3; i += 1) {
      await invoke(
        api.recordActivity,
        recordActivityEvent(activityBody(userId, { activity_type: 'quiz_completed' })),
      );
    }
    const other = await invoke(api.recordActivity, recordActivityEvent(activityBody(userId)));
    expect(other.statusCode).toBe(201);
  });
});
