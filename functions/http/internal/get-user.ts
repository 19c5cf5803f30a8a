import { requireIamCaller } from '../../../shared/http/auth';
import { httpHandler } from '../../../shared/http/http-handler';
import { presentProfile } from '../../../shared/http/presenters';
import { userPathSchema } from '../../../shared/http/request-schemas';
import { json } from '../../../shared/http/responses';
import type { HttpEvent, HttpResult } from '../../../shared/http/types';
import { parseInput } from '../../../shared/http/validate';
import { getProfile } from '../../../shared/profile-wiring';

/** GET /v1/internal/users/{id}: an operator's read; a never-seen user is 404 user_not_found. */
export async function main(event: HttpEvent): Promise<HttpResult> {
  requireIamCaller(event);
  const { id } = parseInput(userPathSchema, event.pathParameters ?? {}, 'path');
  const view = await getProfile()(id, { ifMissing: 'not_found' });
  return json(200, presentProfile(view));
}

export const handler = httpHandler(main, { routeId: 'GetUser' });
