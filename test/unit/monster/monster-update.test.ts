import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/errors';
import type { Monster, MonsterInput } from '../../../shared/domain/monster/monster';
import { applyMonsterUpdate, type MonsterUpdate } from '../../../shared/domain/monster/update';
import { NOW } from '../fixtures';
import { allUnlocked, monster, rules } from './catalog';

function update(input: MonsterInput, current: Monster = monster(), unlocked = allUnlocked): MonsterUpdate {
  return applyMonsterUpdate(rules, current, input, unlocked, NOW);
}

/** The field issues of a refused update; fails the test when the update was accepted. */
function issuesOf(input: MonsterInput, current?: Monster, unlocked?: ReadonlySet<string>) {
  try {
    update(input, current, unlocked);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
  throw new Error('expected a ValidationError');
}

const fieldsOf = (input: MonsterInput, current?: Monster, unlocked?: ReadonlySet<string>) =>
  issuesOf(input, current, unlocked).map((issue) => issue.field);

describe('applyMonsterUpdate: accepted changes', () => {
  it('applies every field, keeps wearing order and the version, and stamps updatedAt', () => {
    const { monster: next } = update({
      name: '  Professor Fluff  ',
      base_color: 'color_blue',
      accessories: ['hat_wizard', 'glasses_scholar'],
      clothing: ['dress_red'],
      features: ['wings', 'claws'],
      patterns: ['spots'],
    });
    expect(next).toEqual({
      name: 'Professor Fluff',
      baseColor: 'color_blue',
      accessories: ['hat_wizard', 'glasses_scholar'],
      clothing: ['dress_red'],
      features: ['wings', 'claws'],
      patterns: ['spots'],
      version: 4,
      updatedAt: NOW.toISOString(),
    });
  });

  it('keeps every absent field as it was', () => {
    const current = monster({ baseColor: 'color_gold', accessories: ['bow_tie'], features: ['horns'] });
    const { monster: next } = update({ clothing: ['tshirt_green'] }, current);
    expect(next).toEqual({ ...current, clothing: ['tshirt_green'], updatedAt: NOW.toISOString() });
  });

  it('accepts names in any script, with digits, punctuation and emoji, up to 40 characters', () => {
    for (const name of ['Ñoño 2', 'モンスター', 'Дракоша!', 'Blue 🐉✨', 'x'.repeat(40), '😀'.repeat(40)]) {
      expect(update({ name }).monster.name).toBe(name);
    }
  });

  it('empties a list with an empty array', () => {
    const { monster: next } = update({ accessories: [] }, monster({ accessories: ['bow_tie'] }));
    expect(next.accessories).toEqual([]);
  });
});

describe('applyMonsterUpdate: refused input names the field', () => {
  it('refuses a 10 KB name', () => {
    expect(issuesOf({ name: 'a'.repeat(10_240) })).toEqual([
      { field: 'name', message: 'must be at most 40 characters' },
    ]);
    expect(fieldsOf({ name: 'x'.repeat(41) })).toEqual(['name']);
  });

  it('refuses control characters and line breaks, even at the edges', () => {
    for (const name of [
      'Mo\nchi',
      'Mochi\n',
      'Mo\tchi',
      'Mo\u0000chi',
      'Mo\u0085chi',
      'Mo\u2028chi',
      'Mo\u202Echi',
    ]) {
      expect(fieldsOf({ name })).toEqual(['name']);
    }
  });

  it('refuses an empty name, blank or invisible', () => {
    for (const name of ['', '     ', '\u200B\u200B']) {
      expect(issuesOf({ name })).toEqual([{ field: 'name', message: 'must not be empty' }]);
    }
  });

  it('refuses a sixth accessory', () => {
    const six = ['glasses_scholar', 'hat_wizard', 'bow_tie', 'scarf_red', 'earrings', 'backpack'];
    expect(issuesOf({ accessories: six })).toEqual([
      { field: 'accessories', message: 'at most 5 accessories' },
    ]);
    expect(update({ accessories: six.slice(0, 5) }).monster.accessories).toHaveLength(5);
  });

  it('refuses a duplicate in any list, at the repeated position', () => {
    expect(issuesOf({ features: ['wings', 'claws', 'wings'] })).toEqual([
      { field: 'features[2]', message: 'duplicate of features[0]' },
    ]);
    expect(fieldsOf({ patterns: ['spots', 'spots'] })).toEqual(['patterns[1]']);
  });

  it('refuses an unknown code, including names of Object.prototype', () => {
    expect(issuesOf({ accessories: ['bow_tie', 'jetpack'] })).toEqual([
      { field: 'accessories[1]', message: 'unknown item' },
    ]);
    expect(fieldsOf({ clothing: ['constructor', 'toString'] })).toEqual(['clothing[0]', 'clothing[1]']);
    expect(fieldsOf({ base_color: 'color_purple' })).toEqual(['base_color']);
  });

  it('refuses a code of the wrong type', () => {
    expect(issuesOf({ accessories: ['dress_red'] })).toEqual([
      { field: 'accessories[0]', message: 'not an accessory (it is clothing)' },
    ]);
    expect(fieldsOf({ base_color: 'stripes' })).toEqual(['base_color']);
    expect(fieldsOf({ patterns: ['color_blue'] })).toEqual(['patterns[0]']);
  });

  it('refuses an item the user has not unlocked', () => {
    const unlocked = new Set(['color_orange', 'bow_tie']);
    expect(issuesOf({ accessories: ['bow_tie', 'hat_wizard'] }, monster(), unlocked)).toEqual([
      { field: 'accessories[1]', message: 'item not unlocked' },
    ]);
    expect(fieldsOf({ base_color: 'color_gold' }, monster(), unlocked)).toEqual(['base_color']);
  });

  it('collects every issue in one error', () => {
    const fields = fieldsOf({
      name: '',
      base_color: 'wings',
      accessories: ['bow_tie', 'bow_tie'],
      clothing: ['nope'],
      features: ['spots'],
    });
    expect(fields).toEqual(['name', 'base_color', 'accessories[1]', 'clothing[0]', 'features[0]']);
  });

  it('bounds the issue list for a body full of bad codes, and never echoes them', () => {
    const issues = issuesOf({ clothing: Array.from({ length: 500 }, (_, i) => `junk_${i}`) });
    expect(issues).toHaveLength(20);
    expect(issues.at(-1)).toEqual({ field: 'clothing[19]', message: 'and 481 more issues' });
    expect(JSON.stringify(issues)).not.toContain('junk');
  });

  it('leaves the current monster untouched when refusing', () => {
    const current = monster({ accessories: ['bow_tie'] });
    const before = structuredClone(current);
    issuesOf({ name: 'New', accessories: ['nope'] }, current);
    expect(current).toEqual(before);
  });
});

describe('applyMonsterUpdate: needsSceneRegeneration', () => {
  const dressed = monster({ accessories: ['bow_tie', 'hat_wizard'], features: ['wings'] });

  it('is true when the base color changes', () => {
    expect(update({ base_color: 'color_blue' }, dressed).needsSceneRegeneration).toBe(true);
  });

  it('is true when an item is added to or removed from any list', () => {
    expect(update({ patterns: ['stripes'] }, dressed).needsSceneRegeneration).toBe(true);
    expect(update({ features: [] }, dressed).needsSceneRegeneration).toBe(true);
    expect(update({ accessories: ['bow_tie', 'earrings'] }, dressed).needsSceneRegeneration).toBe(true);
  });

  it('is false for a rename alone', () => {
    const result = update({ name: 'Sir Fluffington' }, dressed);
    expect(result.monster.name).toBe('Sir Fluffington');
    expect(result.needsSceneRegeneration).toBe(false);
  });

  it('is false for a reorder alone (lists count as sets), though the new order is stored', () => {
    const result = update({ accessories: ['hat_wizard', 'bow_tie'] }, dressed);
    expect(result.monster.accessories).toEqual(['hat_wizard', 'bow_tie']);
    expect(result.needsSceneRegeneration).toBe(false);
  });

  it('is false when the body repeats what is stored', () => {
    const same = { base_color: 'color_orange', accessories: ['bow_tie', 'hat_wizard'], features: ['wings'] };
    expect(update(same, dressed).needsSceneRegeneration).toBe(false);
  });
});
