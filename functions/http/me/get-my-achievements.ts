import { presentMyAchievements } from '../../../shared/http/achievement-presenters';
import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { getMyAchievementsUseCase } from '../../../shared/wiring';

/** GET /v1/me/achievements: what I unlocked (with dates), what I am working towards, the closest three. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  return json(200, presentMyAchievements(await getMyAchievementsUseCase()(userId)));
}

export const handler = httpHandler(main, { routeId: 'GetMyAchievements' });
