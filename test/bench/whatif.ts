import { createDynamoClient } from '../../shared/adapters/dynamo/client';
import { ensureTable } from '../../shared/adapters/dynamo/create-table';
import { eventRecordItem } from '../../shared/adapters/dynamo/event-record';
import { readAllHistories } from '../../shared/adapters/dynamo/history-reader';
import { profileAttributes } from '../../shared/adapters/dynamo/items';
import { profileKey } from '../../shared/adapters/dynamo/keys';
import { apply } from '../../shared/domain/apply';
import { newProfile } from '../../shared/domain/profile';
import { whatIf } from '../../shared/domain/replay/what-if';
import type { Profile } from '../../shared/domain/types';
import { startDynamoDbLocal } from '../../shared/local/dynamodb-local';
import defaultRulesJson from '../../shared/rules/default-rules.json';
import { defaultRules, parseRules } from '../../shared/rules/load';
import { batchWrite } from '../support/batch-write';
import { documentClient } from '../support/dynamodb';

/**
 * `npm run bench -- whatif`: 100,000 ledger entries (5,000 users, 20
 * activities each over 20 days, decided by the real domain and stored as
 * the very items the store writes, loaded with batch writes), then the
 * what-if as the CLI runs it: read with parallel Scan segments, replay
 * twice. Prints seconds per 100,000 entries for the read and the replay.
 */

const USERS = 5_000;
const PER_USER = 20;
const TYPES = ['quiz_completed', 'flashcard_session', 'lesson_complete', 'daily_login'];

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
console.log('bench whatif: starting DynamoDB Local (in memory)');
const ddb = await startDynamoDbLocal({ inMemory: true, bulk: true });
try {
  const client = createDynamoClient({ endpoint: ddb.endpoint, region: 'us-east-1' });
  const doc = documentClient(ddb.endpoint);
  const tableName = 'questline-bench-whatif';
  await ensureTable(client, tableName, { stream: false });
  const built = performance.now();
  const items = history();
  const loadStarted = performance.now();
  await batchWrite(doc, tableName, items);
  console.log(
    `loaded ${items.length.toLocaleString('en-US')} items (${USERS.toLocaleString('en-US')} users x ${PER_USER} entries + profiles): decided in ${((loadStarted - built) / 1000).toFixed(1)} s, written in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
  );
  const proposedDoc = structuredClone(defaultRulesJson);
  proposedDoc.activities.quiz_completed.xp = 40;
  const proposed = parseRules(proposedDoc, 'bench');
  for (const segments of [1, 4, 8]) {
    const readStarted = performance.now();
    const histories = await readAllHistories({ client, tableName, segments });
    const readMs = performance.now() - readStarted;
    const replayStarted = performance.now();
    const report = whatIf(defaultRules(), proposed, histories);
    const replayMs = performance.now() - replayStarted;
    const entries = histories.reduce((n, h) => n + h.steps.length, 0);
    const per100k = (ms: number) => ((ms / entries) * 100_000) / 1000;
    console.log(
      `segments ${segments}: ${entries.toLocaleString('en-US')} entries; read ${(readMs / 1000).toFixed(1)} s, replay x2 ${(replayMs / 1000).toFixed(1)} s; per 100,000 entries: read ${per100k(readMs).toFixed(1)} s, replay ${per100k(replayMs).toFixed(1)} s, total ${per100k(readMs + replayMs).toFixed(1)} s (${report.changes.length.toLocaleString('en-US')} users change)`,
    );
  }
} finally {
  await ddb.stop();
}

/** Every user's event items and profile, decided by the domain under the default rules. */
function history(): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const start = Date.parse('2026-10-01T08:00:00Z');
  for (let u = 0; u < USERS; u += 1) {
    const userId = `bench-${u}`;
    let profile: Profile = newProfile(userId, new Date(start));
    for (let i = 0; i < PER_USER; i += 1) {
      const occurredAt = new Date(start + i * 86_400_000 + ((u * 7 + i * 13) % 600) * 60_000);
      const type = TYPES[(u + i) % TYPES.length] as string;
      const activity = {
        eventId: `e-${u}-${i}`,
        userId,
        type,
        occurredAt: occurredAt.toISOString(),
        ...(type === 'lesson_complete' && { subjectId: `lesson-${i}` }),
      };
      const outcome = apply(defaultRules(), profile, activity, new Date(occurredAt.getTime() + 1000));
      if (outcome.status !== 'applied') continue;
      profile = { ...outcome.profile, version: profile.version + 1 };
      items.push(eventRecordItem({ ...outcome, profile }));
    }
    items.push({ ...profileKey(userId), ...profileAttributes(profile, profile.version) });
  }
  return items;
}
