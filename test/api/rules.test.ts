import { beforeAll, describe, expect, it, vi } from 'vitest';
import { rulesResponseSchema } from '../../shared/http/response-schemas';
import { defaultRules } from '../../shared/rules/load';
import { rulesVersionOf } from '../../shared/rules/version';
import { rulesDocument } from '../unit/fixtures';
import { httpEvent, invoke } from './support/events';
import { type ApiUnderTest, type Handler, loadApi } from './support/handlers';
import { activityBody, recordActivityEvent, uniqueId } from './support/requests';

const rulesEvent = (auth: Parameters<typeof httpEvent>[0]['auth'] = { kind: 'iam' }) =>
  httpEvent({ method: 'GET', route: '/v1/internal/rules', auth });

async function loadGetRules(): Promise<Handler> {
  return (await import('../../functions/http/internal/get-rules')).handler;
}

describe('GET /v1/internal/rules', () => {
  let api: ApiUnderTest;
  let getRules: Handler;
  beforeAll(async () => {
    api = await loadApi();
    getRules = await loadGetRules();
  });

  it('answers the rules in effect and their version, as its OpenAPI schema says', async () => {
    const response = await invoke(getRules, rulesEvent());
    expect(response.statusCode).toBe(200);
    expect(rulesResponseSchema.safeParse(response.body).success).toBe(true);
    expect(response.body.version).toBe(rulesVersionOf(defaultRules()).id);
    expect(response.body).not.toHaveProperty('label');
    expect(response.body.rules.activities).toEqual(JSON.parse(JSON.stringify(defaultRules().activities)));
  });

  it('refuses a caller without IAM credentials (401)', async () => {
    const response = await invoke(getRules, rulesEvent({ kind: 'none' }));
    expect(response.statusCode).toBe(401);
  });

  it('stamps every outcome with that version: in the answer, on the event item, and on a replay', async () => {
    const { body: rules } = await invoke(getRules, rulesEvent());
    const body = activityBody(uniqueId('user'));
    const first = await invoke(api.recordActivity, recordActivityEvent(body));
    const replay = await invoke(api.recordActivity, recordActivityEvent(body));

    expect(first.statusCode).toBe(201);
    expect(first.body.rules_version).toBe(rules.version);
    expect(replay.statusCode).toBe(200);
    expect(replay.body.rules_version).toBe(rules.version);
    const stored = await api.store.findAppliedOutcome(String(body.user_id), String(body.event_id));
    expect(stored?.entry.rulesVersion).toBe(rules.version);
  });
});

describe('GET /v1/internal/rules with the operator rules', () => {
  it('answers their version and label, and outcomes carry that version', async () => {
    const document = { ...rulesDocument(), label: '2026-12 economy' };
    const flashcards = document.activities.flashcard_session;
    if (!flashcards) throw new Error('the default rules have no flashcard_session');
    flashcards.xp += 5;
    const api = await loadApi({ rulesJson: JSON.stringify(document) });
    vi.resetModules();
    const getRules = await loadGetRules();

    const response = await invoke(getRules, rulesEvent());
    expect(response.body.label).toBe('2026-12 economy');
    expect(response.body.version).not.toBe(rulesVersionOf(defaultRules()).id);
    const outcome = await invoke(api.recordActivity, recordActivityEvent(activityBody(uniqueId('user'))));
    expect(outcome.body.rules_version).toBe(response.body.version);
  });
});
