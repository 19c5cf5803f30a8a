import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import defaultRules from '../../shared/rules/default-rules.json';
import { lambdaContext } from '../api/support/events';
import { recentDaytimeIso } from '../support/daytime';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { scanAll, uniqueId } from '../support/game-fixtures';
import { shopFor } from '../support/shop-fixtures';
import { sqsRecord } from '../support/sqs-record';

type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
type Logger = typeof import('../../shared/observability')['logger'];

/** No achievements, so every ledger entry is the activity's own award and totals are plain sums. */
const rulesJson = JSON.stringify({ ...defaultRules, achievements: {}, shop: shopFor({}) });

/** The real handler on a fresh table, imported after the env is set (as on a cold start). */
async function loadHandler(tableName?: string): Promise<{ handler: Handler; logger: Logger; db: TestStore }> {
  const db = await createTestStore();
  process.env.TABLE_NAME = tableName ?? db.tableName;
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.QUESTLINE_RULES_JSON = rulesJson;
  vi.resetModules();
  const { handler } = await import('../../functions/queue/apply-activities');
  // the same module instance the handler logs through, since the registry was just reset
  const { logger } = await import('../../shared/observability');
  delete process.env.QUESTLINE_RULES_JSON;
  return { handler: handler as Handler, logger, db };
}

function eventBridgeBody(detailType: string, detail: unknown): string {
  return JSON.stringify({
    version: '0',
    id: uniqueId('eb'),
    'detail-type': detailType,
    source: 'com.example.learning',
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail,
  });
}

function completed(
  userId: string,
  eventId: string,
  activityType: string,
  extra: Record<string, unknown> = {},
) {
  return {
    event_id: eventId,
    user_id: userId,
    activity_type: activityType,
    occurred_at: recentDaytimeIso(),
    ...extra,
  };
}

const failuresOf = (response: SQSBatchResponse) => response.batchItemFailures.map((f) => f.itemIdentifier);

async function ledgerOf(db: TestStore, userId: string) {
  const { entries } = await db.store.listLedger(userId, { limit: 20 });
  return entries.map((e) => ({ eventId: e.eventId, activityType: e.activityType, xp: e.xp, coins: e.coins }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('apply-activities queue handler', () => {
  it('applies a mixed batch once, failing only the malformed message, and a redelivery changes nothing', async () => {
    const { handler, logger, db } = await loadHandler();
    const logError = vi.spyOn(logger, 'error');
    const [ana, ben] = [uniqueId('ana'), uniqueId('ben')];
    const records = [
      sqsRecord(eventBridgeBody('activity.completed', completed(ana, 'a-quiz', 'quiz_completed'))),
      sqsRecord(eventBridgeBody('activity.completed', completed(ana, 'a-cards', 'flashcard_session'))),
      sqsRecord(eventBridgeBody('activity.completed', completed(ben, 'b-quiz', 'quiz_completed'))),
      // the same event sent twice (a sender's retry): applied once
      sqsRecord(eventBridgeBody('activity.completed', completed(ana, 'a-quiz', 'quiz_completed'))),
      sqsRecord(
        eventBridgeBody(
          'activity.completed',
          completed(ben, 'b-bad', 'quiz_completed', { occurred_at: 'soon' }),
        ),
      ),
      // a seed's own event name, mapped by the rules, without an activity_type
      sqsRecord(
        eventBridgeBody('story_completion', {
          event_id: 'b-story',
          user_id: ben,
          subject_id: 'story-1',
          occurred_at: recentDaytimeIso(),
        }),
      ),
    ];
    const malformed = records[4]?.messageId;

    const response = await handler({ Records: records }, lambdaContext());

    expect(failuresOf(response)).toEqual([malformed]);
    expect(logError).toHaveBeenCalledWith(
      expect.stringMatching(/invalid/),
      expect.objectContaining({
        messageId: malformed,
        issues: [{ field: 'detail.occurred_at', message: expect.any(String) }],
      }),
    );
    // newest first: ana's two in the order sent
    expect(await ledgerOf(db, ana)).toEqual([
      { eventId: 'a-cards', activityType: 'flashcard_session', xp: 10, coins: 2 },
      { eventId: 'a-quiz', activityType: 'quiz_completed', xp: 30, coins: 6 },
    ]);
    expect(await ledgerOf(db, ben)).toEqual([
      { eventId: 'b-story', activityType: 'story_completed', xp: 50, coins: 10 },
      { eventId: 'b-quiz', activityType: 'quiz_completed', xp: 30, coins: 6 },
    ]);
    expect(await db.store.getProfile(ana)).toMatchObject({ xp: 40, coins: 8, version: 2 });
    expect(await db.store.getProfile(ben)).toMatchObject({ xp: 80, coins: 16, version: 2 });

    const before = await scanAll(db.doc, db.tableName);
    const redelivered = await handler({ Records: records }, lambdaContext());

    expect(failuresOf(redelivered)).toEqual([malformed]);
    expect(await scanAll(db.doc, db.tableName)).toEqual(before);
  });

  it('treats a refusal by the rules as done, logging the reason, and an unknown event name as failed', async () => {
    const { handler, logger, db } = await loadHandler();
    const logInfo = vi.spyOn(logger, 'info');
    const userId = uniqueId('cy');
    // lesson_complete needs a subject: the rules refuse it, and would again on every redelivery
    const refused = sqsRecord(
      eventBridgeBody('lesson_complete', { ...completed(userId, 'c-lesson', 'lesson_complete') }),
    );
    const unknown = sqsRecord(
      eventBridgeBody('workout_logged', completed(userId, 'c-run', 'quiz_completed')),
    );
    const notJson = sqsRecord('{"detail-type": "activity.completed", ');

    const response = await handler({ Records: [refused, unknown, notJson] }, lambdaContext());

    expect(failuresOf(response).sort()).toEqual([unknown.messageId, notJson.messageId].sort());
    expect(logInfo).toHaveBeenCalledWith(
      expect.stringMatching(/refused/),
      expect.objectContaining({ messageId: refused.messageId, reason: 'subject_required' }),
    );
    expect(await scanAll(db.doc, db.tableName)).toEqual([]);
  });

  it('reports a message failed when the store fails, so SQS redelivers it', async () => {
    const { handler } = await loadHandler(`questline-missing-${uniqueId('table')}`);
    const good = sqsRecord(
      eventBridgeBody('daily_login', { ...completed(uniqueId('dee'), 'd-login', 'daily_login') }),
    );

    const response = await handler({ Records: [good] }, lambdaContext());

    expect(failuresOf(response)).toEqual([good.messageId]);
  });
});
