import { userFromJwt } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { presentProfile } from '../../../shared/http/presenters';
import { json } from '../../../shared/http/responses';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { getProfile } from '../../../shared/profile-wiring';

/** GET /v1/me: a token holder with no activity yet sees a fresh level-1 profile, not a 404. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  const userId = userFromJwt(event);
  const view = await getProfile()(userId, { ifMissing: 'new' });
  return json(200, presentProfile(view));
}

export const handler = httpHandler(main, { routeId: 'GetMe' });
