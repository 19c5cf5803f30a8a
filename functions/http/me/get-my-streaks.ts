import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { getMyStreaksRoute } from '../../../shared/http/routes/streaks';
import { presentStreaks } from '../../../shared/http/streak-presenters';
import { getMyStreaksUseCase } from '../../../shared/wiring';

/** GET /v1/me/streaks: every streak type, as of now in my time zone; none yet before any activity. */
export const handler = httpHandler(getMyStreaksRoute, async ({ userId }) =>
  json(200, presentStreaks(await getMyStreaksUseCase()(userId))),
);
