import { httpHandler } from '../../../shared/http/http-handler';
import { presentProfile } from '../../../shared/http/presenters';
import { json } from '../../../shared/http/responses';
import { getMeRoute } from '../../../shared/http/routes/me';
import { getProfile } from '../../../shared/profile-wiring';

/** GET /v1/me: a token holder with no activity yet sees a fresh level-1 profile, not a 404. */
export const handler = httpHandler(getMeRoute, async ({ userId }) =>
  json(200, presentProfile(await getProfile()(userId, { ifMissing: 'new' }))),
);
