import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import defaultRulesJson from '../../../shared/rules/default-rules.json';
import { InvalidRulesError, parseRules } from '../../../shared/rules/load';
import type { RulesInput } from '../../../shared/rules/schema';
import { checkShopReferences } from '../../../shared/rules/shop-references';
import { shopRules } from './helpers';

type Shop = NonNullable<RulesInput['shop']>;

/** The issues the rules schema reports for the test shop with an edit. */
function issuesOf(edit: (shop: Shop) => void): { field: string; message: string }[] {
  try {
    shopRules((doc) => {
      if (doc.shop) edit(doc.shop);
    });
  } catch (error) {
    if (error instanceof InvalidRulesError) return error.issues;
    throw error;
  }
  throw new Error('expected the rules to be refused');
}

describe('the shop checks in the rules schema', () => {
  it('accepts the shipped default rules, which get the starter catalog', () => {
    const rules = parseRules(defaultRulesJson, 'default-rules.json');
    expect(Object.keys(rules.shop.items).length).toBeGreaterThanOrEqual(30);
  });

  it('accepts the test shop', () => {
    expect(Object.keys(shopRules().shop.items)).toContain('hat_top');
  });

  it('refuses a free item with a price', () => {
    const issues = issuesOf((shop) => {
      if (shop.items.color_orange) shop.items.color_orange.price_coins = 10;
    });
    expect(issues).toContainEqual({
      field: 'shop.items.color_orange.price_coins',
      message: 'an item with a free requirement costs 0',
    });
  });

  it('refuses a default color that is not free', () => {
    const issues = issuesOf((shop) => {
      shop.monster.default_color = 'color_blue';
    });
    expect(issues).toEqual([
      {
        field: 'shop.monster.default_color',
        message: 'color_blue must be a color item with a free requirement',
      },
    ]);
  });

  it('refuses a default color that is a free item of another type, or no item at all', () => {
    const notAColor = issuesOf((shop) => {
      shop.items.pencil = { ...shop.items.color_orange, type: 'accessory' } as Shop['items'][string];
      shop.monster.default_color = 'pencil';
    });
    expect(notAColor.map((i) => i.field)).toEqual(['shop.monster.default_color']);
    const unknown = issuesOf((shop) => {
      shop.monster.default_color = 'color_nope';
    });
    expect(unknown.map((i) => i.field)).toEqual(['shop.monster.default_color']);
  });

  it('refuses the streak freeze code for an item or a reward', () => {
    const issues = issuesOf((shop) => {
      shop.items.streak_freeze = shop.items.hat_top as Shop['items'][string];
      shop.rewards.streak_freeze = shop.rewards.sticker as Shop['rewards'][string];
    });
    expect(issues.map((i) => i.field).sort()).toEqual([
      'shop.items.streak_freeze',
      'shop.rewards.streak_freeze',
    ]);
  });
});

describe('checkShopReferences', () => {
  /** Runs the check on parsed rules and collects what it reports. */
  function referenceIssues(achievement: string) {
    const rules = shopRules();
    const glasses = rules.shop.items.glasses_lesson;
    if (!glasses) throw new Error('the test shop has glasses_lesson');
    glasses.requirement = { kind: 'achievement', achievement };
    const issues: { path?: PropertyKey[]; message?: string }[] = [];
    const ctx = { addIssue: (issue: { path?: PropertyKey[]; message?: string }) => issues.push(issue) };
    checkShopReferences(rules, ctx as unknown as z.RefinementCtx);
    return issues.map(({ path, message }) => ({ path, message }));
  }

  it('reports an achievement requirement naming no achievement of the rules', () => {
    expect(referenceIssues('flashcard_century')).toEqual([
      {
        path: ['shop', 'items', 'glasses_lesson', 'requirement', 'achievement'],
        message: 'unknown achievement flashcard_century',
      },
    ]);
    expect(referenceIssues('constructor')).toHaveLength(1);
  });

  it('accepts achievements the rules declare', () => {
    expect(referenceIssues('first_lesson')).toEqual([]);
  });

  it('refuses a document whose rules schema runs it', () => {
    const issues = issuesOf((shop) => {
      const badge = shop.items.badge_lesson;
      if (badge) badge.requirement = { kind: 'achievement', achievement: 'flashcard_century' };
    });
    expect(issues).toContainEqual({
      field: 'shop.items.badge_lesson.requirement.achievement',
      message: 'unknown achievement flashcard_century',
    });
  });
});
