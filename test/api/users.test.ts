import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../shared/rules/load';
import { rewardOf } from '../support/game-fixtures';
import { invoke } from './support/events';
import { type ApiUnderTest, loadApi } from './support/handlers';
import {
  activityBody,
  getUserEvent,
  recordActivityEvent,
  uniqueId,
  updateUserEvent,
} from './support/requests';

let api: ApiUnderTest;

beforeAll(async () => {
  api = await loadApi();
});

const fields = (body: { error: { details?: { field: string }[] } }) =>
  (body.error.details ?? []).map((d) => d.field).sort();

describe('GET /v1/internal/users/{id}', () => {
  it("returns a user's derived profile", async () => {
    const userId = uniqueId('user');
    await invoke(
      api.recordActivity,
      recordActivityEvent(activityBody(userId, { activity_type: 'scenario_completed' })),
    );
    const response = await invoke(api.getUser, getUserEvent(userId));
    expect(response.statusCode).toBe(200);
    // 100 XP / 20 coins for the scenario, plus the catalog's first-scenario reward; level 2
    // starts at 100 XP and level 3 at 215
    const first = rewardOf(defaultRules(), 'first_scenario');
    const xp = 100 + first.xp;
    expect(response.body).toMatchObject({
      user_id: userId,
      xp,
      coins: 20 + first.coins,
      level: 2,
      title: 'Novice',
      xp_to_next_level: 215 - xp,
      level_progress_percent: Math.floor(((xp - 100) * 100) / 115),
      next_milestone: { scene_level: 1, xp: 250, xp_remaining: 250 - xp },
      vip_tier: 'none',
      time_zone: 'UTC',
      display_name: null,
      leaderboard_visible: true,
    });
  });

  it('answers 404 user_not_found for a user never seen, without creating one', async () => {
    const userId = uniqueId('ghost');
    const response = await invoke(api.getUser, getUserEvent(userId));
    expect(response.statusCode).toBe(404);
    expect(response.body.error.code).toBe('user_not_found');
    expect(await api.store.getProfile(userId)).toBeNull();
  });

  it('answers 400 for a malformed user id', async () => {
    const response = await invoke(api.getUser, getUserEvent('USER#1'));
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['id']);
  });

  it('answers 401 without IAM credentials', async () => {
    expect((await invoke(api.getUser, getUserEvent('u-1', { kind: 'none' }))).statusCode).toBe(401);
  });
});

describe('PATCH /v1/internal/users/{id}', () => {
  it('creates a missing profile with the given settings', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.updateUser,
      updateUserEvent(userId, { vip_tier: 'premium', time_zone: 'Asia/Tokyo' }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({
      user_id: userId,
      vip_tier: 'premium',
      time_zone: 'Asia/Tokyo',
      xp: 0,
    });
    const read = await invoke(api.getUser, getUserEvent(userId));
    expect(read.body).toMatchObject({ vip_tier: 'premium', time_zone: 'Asia/Tokyo' });
  });

  it('changes one setting and keeps the rest', async () => {
    const userId = uniqueId('user');
    await invoke(
      api.updateUser,
      updateUserEvent(userId, { vip_tier: 'standard', time_zone: 'Europe/Madrid' }),
    );
    const response = await invoke(api.updateUser, updateUserEvent(userId, { vip_tier: 'none' }));
    expect(response.body).toMatchObject({ vip_tier: 'none', time_zone: 'Europe/Madrid' });
  });

  it('makes VIP multipliers apply to later activities', async () => {
    const userId = uniqueId('user');
    await invoke(api.updateUser, updateUserEvent(userId, { vip_tier: 'premium' }));
    const response = await invoke(api.recordActivity, recordActivityEvent(activityBody(userId)));
    expect(response.body.awarded.multiplier).toBeGreaterThan(1);
  });

  it('refuses a time zone that is not an IANA zone with 400 naming time_zone, writing nothing', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.updateUser,
      updateUserEvent(userId, { time_zone: 'Mars/Olympus_Mons' }),
    );
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(['time_zone']);
    expect(await api.store.getProfile(userId)).toBeNull();
  });

  it('sets a display name, trimmed, and shows it on the profile', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.updateUser,
      updateUserEvent(userId, { display_name: '  Ana María 🐉 ' }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({ display_name: 'Ana María 🐉', leaderboard_visible: true });
    const read = await invoke(api.getUser, getUserEvent(userId));
    expect(read.body).toMatchObject({ display_name: 'Ana María 🐉' });
  });

  it('clears the display name with null and keeps the other settings', async () => {
    const userId = uniqueId('user');
    await invoke(api.updateUser, updateUserEvent(userId, { display_name: 'Ana', vip_tier: 'premium' }));
    const response = await invoke(api.updateUser, updateUserEvent(userId, { display_name: null }));
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({ display_name: null, vip_tier: 'premium' });
    expect((await api.store.getProfile(userId))?.displayName).toBeUndefined();
  });

  it('accepts a display name of exactly 40 characters', async () => {
    const userId = uniqueId('user');
    const name = 'n'.repeat(40);
    const response = await invoke(api.updateUser, updateUserEvent(userId, { display_name: name }));
    expect(response.statusCode).toBe(200);
    expect(response.body.display_name).toBe(name);
  });

  it('opts a user out of public leaderboards and back in, keeping the display name', async () => {
    const userId = uniqueId('user');
    await invoke(api.updateUser, updateUserEvent(userId, { display_name: 'Ana' }));
    const hidden = await invoke(api.updateUser, updateUserEvent(userId, { leaderboard_visible: false }));
    expect(hidden.body).toMatchObject({ leaderboard_visible: false, display_name: 'Ana' });
    expect((await api.store.getProfile(userId))?.leaderboardVisible).toBe(false);
    const shown = await invoke(api.updateUser, updateUserEvent(userId, { leaderboard_visible: true }));
    expect(shown.body).toMatchObject({ leaderboard_visible: true, display_name: 'Ana' });
  });

  it.each([
    [{ display_name: 'n'.repeat(41) }, ['display_name']],
    [{ display_name: '   ' }, ['display_name']],
    [{ display_name: 'Ana\nBob' }, ['display_name']],
    [{ display_name: 'Ana\u0000' }, ['display_name']],
    [{ display_name: 'Ana\u2028Bob' }, ['display_name']],
    [{ display_name: '\u001b[31mAna' }, ['display_name']],
    // bidirectional controls: an override that shows "nimda" as "admin", an isolate, a mark
    [{ display_name: '\u202Enimda' }, ['display_name']],
    [{ display_name: 'Ana\u2067Bob\u2069' }, ['display_name']],
    [{ display_name: 'Ana\u200F' }, ['display_name']],
    [{ display_name: 'Ana\uE000' }, ['display_name']],
    [{ display_name: 42 }, ['display_name']],
    [{ display_name: ['Ana'] }, ['display_name']],
    [{ leaderboard_visible: 'false' }, ['leaderboard_visible']],
    [{ leaderboard_visible: 0 }, ['leaderboard_visible']],
    [{ leaderboard_visible: null }, ['leaderboard_visible']],
    [{ display_name: '', leaderboard_visible: 'yes' }, ['display_name', 'leaderboard_visible']],
  ])('refuses %j with 400 naming %j, writing nothing', async (body, expected) => {
    const userId = uniqueId('user');
    const response = await invoke(api.updateUser, updateUserEvent(userId, body));
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(expected);
    expect(await api.store.getProfile(userId)).toBeNull();
  });

  it.each([
    [{}, ['body']],
    [{ vip_tier: 'gold' }, ['vip_tier']],
    [{ vip_tier: 'none', xp: 1_000_000 }, ['xp']],
    [{ time_zone: 'z'.repeat(5000) }, ['time_zone']],
  ])('refuses %j with 400 naming %j', async (body, expected) => {
    const userId = uniqueId('user');
    const response = await invoke(api.updateUser, updateUserEvent(userId, body));
    expect(response.statusCode).toBe(400);
    expect(fields(response.body)).toEqual(expected);
    expect(await api.store.getProfile(userId)).toBeNull();
  });

  it('answers 401 without IAM credentials', async () => {
    const userId = uniqueId('user');
    const response = await invoke(
      api.updateUser,
      updateUserEvent(userId, { vip_tier: 'premium' }, { kind: 'none' }),
    );
    expect(response.statusCode).toBe(401);
    expect(await api.store.getProfile(userId)).toBeNull();
  });
});
