import type { DynamoDBRecord } from 'aws-lambda';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { makeUseStreakFreeze } from '../../shared/app/use-streak-freeze';
import { startTableStream } from '../../shared/local/table-stream';
import { createTestStore } from './dynamodb';
import { activityFor, depsFor, uniqueId } from './game-fixtures';

const DAY_MS = 86_400_000;

/** Real stream records of real outcomes: two users' activities and an explicit freeze (an OUTBOX# item). */
export async function recordsOfSomeOutcomes() {
  const t = await createTestStore();
  const records: DynamoDBRecord[] = [];
  const stream = await startTableStream({
    client: t.client,
    endpoint: t.endpoint,
    tableName: t.tableName,
    onBatch: async (batch) => void records.push(...batch),
    logError: () => undefined,
  });
  const [ada, bob] = [uniqueId('ada'), uniqueId('bob')];
  let now = new Date(Date.now() - DAY_MS);
  const deps = depsFor(t.store, { clock: { now: () => now } });
  const record = makeRecordActivity(deps);
  const outcomes = [
    await record(activityFor(ada, 'lesson_complete', { subjectId: 's1', occurredAt: now.toISOString() })),
    await record(activityFor(bob, 'quiz_completed', { occurredAt: now.toISOString() })),
  ];
  now = new Date();
  await makeUseStreakFreeze(deps)(ada, 'daily_activity', 'freeze-req-1');
  outcomes.push(await record(activityFor(bob, 'quiz_completed', { occurredAt: now.toISOString() })));
  const inserts = () =>
    records.filter((r) => r.eventName === 'INSERT' && /^(EVENT|OUTBOX)#/.test(r.dynamodb?.Keys?.sk?.S ?? ''));
  for (let waited = 0; inserts().length < 4 && waited < 5000; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  await stream.stop();
  return { records, outcomes, ada };
}
