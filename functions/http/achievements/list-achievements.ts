import { makeListAchievements } from '../../../shared/app/list-achievements';
import { presentCatalog } from '../../../shared/http/achievement-presenters';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import type { HttpResult } from '../../../shared/http/types';
import { loadActiveRules } from '../../../shared/rules/active-rules';

/** Rules only: no wiring import, so this function needs no table and no TABLE_NAME. */
const listAchievements = makeListAchievements({ rules: loadActiveRules() });

/** GET /v1/achievements: public; the same catalog for everyone, hidden ones masked. */
export async function main(): Promise<HttpResult> {
  return json(200, presentCatalog(listAchievements()), { 'cache-control': 'public, max-age=300' });
}

export const handler = httpHandler(main, { routeId: 'ListAchievements' });
