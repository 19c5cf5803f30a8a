import { httpHandler } from '../../../shared/http/http-handler';
import { json } from '../../../shared/http/responses';
import { freezeStreakRoute } from '../../../shared/http/routes/streaks';
import { presentFreeze } from '../../../shared/http/streak-presenters';
import { userEventId } from '../../../shared/http/user-event-ids';
import { buyStreakFreezeUseCase, useStreakFreezeUseCase } from '../../../shared/wiring';

/**
 * POST /v1/me/streaks/{type}/freeze. No body: spend a held freeze on today (200).
 * `{ "buy": true, "event_id" }`: buy one into the wallet with coins (201; 200 for a replay).
 */
export const handler = httpHandler(freezeStreakRoute, async ({ userId, path: { type }, body, event }) => {
  if (body.buy && body.event_id !== undefined) {
    const bought = await buyStreakFreezeUseCase()({ userId, type, eventId: userEventId(body.event_id) });
    return json(bought.duplicate ? 200 : 201, presentFreeze({ action: 'bought', type, ...bought }));
  }
  const used = await useStreakFreezeUseCase()(userId, type, event.requestContext.requestId);
  return json(200, presentFreeze({ action: 'used', type, duplicate: false, coinsSpent: 0, ...used }));
});
