import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from './support/events';
import { type ApiUnderTest, loadApi } from './support/handlers';
import { activityBody, recordActivityEvent, uniqueId } from './support/requests';

let api: ApiUnderTest;

beforeAll(async () => {
  api = await loadApi();
});

const fields = (body: { error: { details?: { field: string }[] } }) =>
  (body.error.details ?? []).map((d) => d.field).sort();

/** Bad input everywhere gets a clear 4xx, never a 500, and writes nothing. */
describe('POST /v1/internal/activities with bad input', () => {
  it('names every missing field', async () => {
    const response = await invoke(api.recordActivity, recordActivityEvent({ user_id: 'u-1' }));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(fields(response.body)).toEqual(['activity_type', 'event_id', 'occurred_at']);
  });

  it('names fields of the wrong type, as the client spelled them', async () => {
    const userId = uniqueId('user');
    const body = activityBody(userId, { activity_type: 'custom', amount: '10', occurred_at: 1700000000 });
    const response = await invoke(api.recordActivity, recordActivityEvent(body));
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['amount', 'occurred_at']);
    expect(await api.store.getProfile(userId)).toBeNull();
  });

  it('refuses a negative amount with 400', async () => {
    const userId = uniqueId('user');
    const body = activityBody(userId, { activity_type: 'custom', amount: -50 });
    const response = await invoke(api.recordActivity, recordActivityEvent(body));
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['amount']);
    expect(await api.store.getProfile(userId)).toBeNull();
  });

  it('refuses a camelCase field as unknown rather than ignoring it', async () => {
    const body = { ...activityBody('u-1'), userId: 'u-2' };
    const response = await invoke(api.recordActivity, recordActivityEvent(body));
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['userId']);
  });

  it('refuses a huge identifier with 400', async () => {
    const response = await invoke(api.recordActivity, recordActivityEvent(activityBody('x'.repeat(5000))));
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['user_id']);
  });

  it('refuses oversized metadata with 400 naming metadata', async () => {
    const body = activityBody(uniqueId('user'), { metadata: { note: 'n'.repeat(6000) } });
    const response = await invoke(api.recordActivity, recordActivityEvent(body));
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['metadata']);
  });

  it('refuses a body over 16 KB with 413', async () => {
    const body = activityBody(uniqueId('user'), { metadata: { note: 'n'.repeat(20_000) } });
    const response = await invoke(api.recordActivity, recordActivityEvent(body));
    expect(response.statusCode).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  it('refuses a body that is not JSON with 400 invalid_json', async () => {
    const response = await invoke(api.recordActivity, recordActivityEvent('{"event_id": "e-1", '));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.code).toBe('invalid_json');
  });

  it('refuses a non-JSON content type with 415', async () => {
    const event = recordActivityEvent('event_id=e-1', undefined, { 'content-type': 'text/plain' });
    const response = await invoke(api.recordActivity, event);
    expect(response.statusCode).toBe(415);
  });

  it('refuses an empty body with 400 naming the body', async () => {
    const event = recordActivityEvent(undefined);
    const response = await invoke(api.recordActivity, event);
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['body']);
  });

  it.each([null, [], 42, 'a string'])('refuses the JSON value %j as a body with 400', async (value) => {
    const response = await invoke(api.recordActivity, recordActivityEvent(JSON.stringify(value)));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
  });

  it('refuses an amount on an activity that does not take one with 422 amount_not_allowed', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.recordActivity,
      recordActivityEvent(activityBody(userId, { amount: 5 })),
    );
    expect(response.statusCode).toBe(422);
    expect(response.body.error.code).toBe('amount_not_allowed');
    expect(await api.store.getProfile(userId)).toBeNull();
  });
});
