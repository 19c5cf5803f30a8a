import { expect } from 'vitest';
import { contractFor } from '../../../events/catalog';
import type { AppliedOutcome, Outcome } from '../../../shared/domain/types';
import { defaultAchievementCatalog } from '../../../shared/rules/achievements-schema';
import type { Rules, RulesInput } from '../../../shared/rules/schema';
import { shopFor } from '../../support/shop-fixtures';
import { expectApplied, rulesWith } from '../fixtures';

/** Arrange helpers for the achievement tests (not a test file itself). */

type Catalog = NonNullable<RulesInput['achievements']>;
/** Test catalogs are loose objects: the real schema judges them, which is the point of several tests. */
type LooseCatalog = Record<string, Record<string, unknown>>;

/**
 * Default rules with the given achievements. Streak milestones and the streak
 * multiplier are switched off so that XP stays the plain award and the
 * assertions here are about achievements only.
 */
export function rulesWithAchievements(
  achievements: LooseCatalog,
  edit: (doc: RulesInput) => void = () => {},
): Rules {
  return rulesWith((doc) => {
    const streaks = (doc as { streaks?: { milestones?: unknown[]; multiplier?: { steps?: unknown[] } } })
      .streaks;
    if (streaks?.milestones) streaks.milestones = [];
    if (streaks?.multiplier?.steps) streaks.multiplier.steps = [];
    doc.achievements = achievements as Catalog;
    doc.shop = shopFor(achievements) as RulesInput['shop'];
    edit(doc);
  });
}

export function catalogRules(): Rules {
  return rulesWithAchievements(defaultAchievementCatalog() as LooseCatalog);
}

export const reward = (xp = 0, coins = 0) => ({ xp, coins });

/** A one-off achievement with the given criterion and no reward, for criterion tests. */
export function oneOff(criterion: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Test',
    description: 'A test achievement',
    category: 'special',
    rarity: 'common',
    kind: 'one_off',
    criterion,
    reward: reward(),
    ...extra,
  };
}

export function unlockedIds(outcome: Outcome): string[] {
  return expectApplied(outcome).achievements.map((a) =>
    a.times && a.times > 1 ? `${a.id}#${a.times}` : a.id,
  );
}

/** Every emitted event validates against its contract. */
export function expectContracts(outcome: AppliedOutcome): void {
  for (const event of outcome.events) {
    expect(contractFor(event.detailType).schema.parse(event.data)).toEqual(event.data);
  }
}
