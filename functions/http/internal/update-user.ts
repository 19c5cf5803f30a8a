import { httpHandler } from '../../../shared/http/http-handler';
import { presentProfile } from '../../../shared/http/presenters';
import type { UpdateUserBody } from '../../../shared/http/request-schemas';
import { json } from '../../../shared/http/responses';
import { updateUserRoute } from '../../../shared/http/routes/internal';
import type { ProfileSettings } from '../../../shared/ports/game';
import { updateUserSettingsUseCase } from '../../../shared/wiring';

/**
 * PATCH /v1/internal/users/{id}: set VIP tier, time zone, display name and/or
 * leaderboard visibility; creates the profile if missing.
 */
export const handler = httpHandler(updateUserRoute, async ({ path, body }) => {
  const view = await updateUserSettingsUseCase()(path.id, toSettings(body));
  return json(200, presentProfile(view));
});

function toSettings(body: UpdateUserBody): ProfileSettings {
  const settings: ProfileSettings = {};
  if (body.vip_tier !== undefined) settings.vipTier = body.vip_tier;
  if (body.time_zone !== undefined) settings.timeZone = body.time_zone;
  if (body.display_name !== undefined) settings.displayName = body.display_name;
  if (body.leaderboard_visible !== undefined) settings.leaderboardVisible = body.leaderboard_visible;
  return settings;
}
