import type { Context } from 'aws-lambda';
import { vi } from 'vitest';
import type { HttpEvent } from '../../../shared/http/types';
import { createTestStore, useTableEnv } from '../../support/dynamodb';

export type Handler = (event: HttpEvent, context: Context) => Promise<unknown>;

export interface ApiUnderTest {
  store: Awaited<ReturnType<typeof createTestStore>>['store'];
  tableName: string;
  recordActivity: Handler;
  adjustUserBalance: Handler;
  getUser: Handler;
  updateUser: Handler;
  getMe: Handler;
  getMyHistory: Handler;
}

/**
 * A fresh table on the shared DynamoDB Local, and the real handlers bound to
 * it. The env is set BEFORE the handlers are imported (the wiring reads it at
 * module load, as on a cold start), so modules are reset and imported anew.
 */
export async function loadApi(opts: { rulesJson?: string } = {}): Promise<ApiUnderTest> {
  const testStore = await createTestStore();
  useTableEnv(testStore);
  if (opts.rulesJson) process.env.QUESTLINE_RULES_JSON = opts.rulesJson;
  else delete process.env.QUESTLINE_RULES_JSON;
  vi.resetModules();
  const [recordActivity, adjustUserBalance, getUser, updateUser, getMe, getMyHistory] = await Promise.all([
    import('../../../functions/http/internal/record-activity'),
    import('../../../functions/http/internal/adjust-user-balance'),
    import('../../../functions/http/internal/get-user'),
    import('../../../functions/http/internal/update-user'),
    import('../../../functions/http/me/get-me'),
    import('../../../functions/http/me/get-my-history'),
  ]);
  return {
    store: testStore.store,
    tableName: testStore.tableName,
    recordActivity: recordActivity.handler,
    adjustUserBalance: adjustUserBalance.handler,
    getUser: getUser.handler,
    updateUser: updateUser.handler,
    getMe: getMe.handler,
    getMyHistory: getMyHistory.handler,
  };
}
