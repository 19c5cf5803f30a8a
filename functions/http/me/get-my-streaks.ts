import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { presentStreaks } from '../../../shared/http/streak-presenters';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { getMyStreaksUseCase } from '../../../shared/wiring';

/** GET /v1/me/streaks: every streak type, as of now in my time zone; none yet before any activity. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  return json(200, presentStreaks(await getMyStreaksUseCase()(userId)));
}

export const handler = httpHandler(main, { routeId: 'GetMyStreaks' });
