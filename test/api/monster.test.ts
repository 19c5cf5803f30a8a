import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from './support/events';
import { asUser, uniqueId } from './support/requests';
import {
  itemKindsOf,
  loadShopApi,
  monsterEvent,
  putMonsterEvent,
  type ShopApi,
  userWithCoins as userWithCoinsIn,
} from './support/shop-api';

let api: ShopApi;

beforeAll(async () => {
  api = await loadShopApi();
});
afterAll(() => api.scenes.stop());

const userWithCoins = (coins: number) => userWithCoinsIn(api, coins, 'dresser');
const itemsOf = (userId: string) => itemKindsOf(api, userId);

describe('GET and PUT /v1/me/monster', () => {
  it('gives a new user the default monster, then stores a change with needs_scene_regeneration', async () => {
    const userId = await userWithCoins(100);
    const first = await invoke(api.getMyMonster, monsterEvent(asUser(userId)));
    expect(first.body).toMatchObject({ name: 'Monster', base_color: { code: 'color_orange' }, version: 0 });
    expect(first.body.scene_url).toBeNull();
    const renamed = await invoke(api.updateMyMonster, putMonsterEvent(asUser(userId), { name: '  Blob  ' }));
    expect(renamed.body).toMatchObject({ name: 'Blob', version: 1, needs_scene_regeneration: false });
    const dressed = await invoke(
      api.updateMyMonster,
      putMonsterEvent(asUser(userId), { accessories: ['pencil_ear'] }),
    );
    expect(dressed.body).toMatchObject({ version: 2, needs_scene_regeneration: true });
    expect(dressed.body.customizations.accessories).toEqual(['pencil_ear']);
  });

  it('answers 409 for a stale version, keeping the newer change', async () => {
    const userId = uniqueId('tabs');
    await invoke(api.updateMyMonster, putMonsterEvent(asUser(userId), { name: 'Tab one', version: 0 }));
    const stale = await invoke(
      api.updateMyMonster,
      putMonsterEvent(asUser(userId), { name: 'Tab two', version: 0 }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body.error.code).toBe('monster_version_conflict');
    expect((await invoke(api.getMyMonster, monsterEvent(asUser(userId)))).body.name).toBe('Tab one');
  });

  it.each([
    ['a 10 KB name', 'name', { name: 'x'.repeat(10_000) }],
    ['an empty name', 'name', { name: '   ' }],
    ['a name with a line break', 'name', { name: 'Blob\nBlob' }],
    [
      'six accessories',
      'accessories',
      { accessories: ['pencil_ear', 'hat_beanie', 'hat_wizard', 'bow_tie', 'scarf_knitted', 'monocle'] },
    ],
    ['an item not owned', 'accessories[0]', { accessories: ['hat_beanie'] }],
    ['an unknown item', 'features[0]', { features: ['laser_eyes'] }],
    ['an item of another type', 'accessories[0]', { accessories: ['color_orange'] }],
    ['a color not owned', 'base_color', { base_color: 'color_gold' }],
    ['a number for a name', 'name', { name: 42 }],
    ['a negative version', 'version', { name: 'Ok', version: -1 }],
    ['an unknown field', 'hat', { hat: 'yes' }],
  ])('refuses %s with 400 naming %s, writing nothing', async (_case, field, body) => {
    const userId = uniqueId('dresser');
    const response = await invoke(api.updateMyMonster, putMonsterEvent(asUser(userId), body));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await itemsOf(userId)).not.toContain('MONSTER');
  });

  it('answers 400 for an empty body and 401 without a token', async () => {
    expect((await invoke(api.updateMyMonster, putMonsterEvent(asUser('empty'), {}))).statusCode).toBe(400);
    expect((await invoke(api.getMyMonster, monsterEvent({ kind: 'none' }))).statusCode).toBe(401);
  });
});
