import { httpHandler } from '../../../shared/http/http-handler';
import { presentProfile } from '../../../shared/http/presenters';
import { json } from '../../../shared/http/responses';
import { getUserRoute } from '../../../shared/http/routes/internal';
import { getProfile } from '../../../shared/profile-wiring';

/** GET /v1/internal/users/{id}: an operator's read; a never-seen user is 404 user_not_found. */
export const handler = httpHandler(getUserRoute, async ({ path }) => {
  const view = await getProfile()(path.id, { ifMissing: 'not_found' });
  return json(200, presentProfile(view));
});
