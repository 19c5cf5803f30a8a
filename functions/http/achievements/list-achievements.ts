import { presentCatalog } from '../../../shared/http/achievement-presenters';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { listAchievementsRoute } from '../../../shared/http/routes/achievements';
import { listAchievementsUseCase } from '../../../shared/wiring';

/**
 * GET /v1/achievements: public; the same catalog for everyone, hidden ones
 * masked, with rarity percentages. Caches may keep it a minute: the counts
 * move slowly and trail the unlocks anyway.
 */
export const handler = httpHandler(listAchievementsRoute, async () =>
  json(200, presentCatalog(await listAchievementsUseCase()()), { 'cache-control': 'public, max-age=60' }),
);
