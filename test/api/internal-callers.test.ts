import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from './support/events';
import { type ApiUnderTest, loadApi } from './support/handlers';
import { activityBody, recordActivityEvent, uniqueId } from './support/requests';

describe('an internal route with the operator allowlist set (INTERNAL_CALLER_ARNS)', () => {
  let api: ApiUnderTest;
  const saved = process.env.INTERNAL_CALLER_ARNS;
  beforeAll(async () => {
    // the test events are signed as arn:aws:iam::000000000000:user/local-internal
    process.env.INTERNAL_CALLER_ARNS = 'arn:aws:iam::000000000000:role/studyapp-backend';
    api = await loadApi();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.INTERNAL_CALLER_ARNS;
    else process.env.INTERNAL_CALLER_ARNS = saved;
  });

  it('answers 403 forbidden to a signer off the list and writes nothing', async () => {
    const userId = uniqueId('user');
    const response = await invoke(api.recordActivity, recordActivityEvent(activityBody(userId)));
    expect(response.statusCode).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect(await api.store.getProfile(userId)).toBeNull();
  });
});
