import { presentMyAchievements } from '../../../shared/http/achievement-presenters';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { getMyAchievementsRoute } from '../../../shared/http/routes/achievements';
import { getMyAchievementsUseCase } from '../../../shared/wiring';

/** GET /v1/me/achievements: what I unlocked (with dates), what I am working towards, the closest three. */
export const handler = httpHandler(getMyAchievementsRoute, async ({ userId }) =>
  json(200, presentMyAchievements(await getMyAchievementsUseCase()(userId))),
);
