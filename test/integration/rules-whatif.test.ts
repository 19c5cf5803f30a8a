import { beforeAll, describe, expect, it } from 'vitest';
import { type ReplayableHistory, readAllHistories } from '../../shared/adapters/dynamo/history-reader';
import { makeFreezePurchase } from '../../shared/app/buy-streak-freeze';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { makeUseStreakFreeze } from '../../shared/app/use-streak-freeze';
import { inAppliedOrder } from '../../shared/domain/replay/history';
import { type UserChange, whatIf } from '../../shared/domain/replay/what-if';
import type { Clock } from '../../shared/ports/operations';
import type { RulesInput } from '../../shared/rules/schema';
import { defaultShopRules } from '../../shared/rules/shop-schema';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { depsFor, rulesWith, uniqueId } from '../support/game-fixtures';

/**
 * A seeded history, recorded through the real use cases into DynamoDB Local
 * under the current rules, then read back and replayed under rules that
 * raise a value, add an achievement, lower a cap and remove an achievement.
 */

const quizFan = {
  name: 'Quiz Fan',
  description: 'Finish 2 quizzes',
  category: 'perfection',
  rarity: 'common',
  kind: 'one_off',
  criterion: { kind: 'count', activity: 'quiz_completed', min: 2 },
  reward: { xp: 10, coins: 2 },
} as const;

function base(doc: RulesInput) {
  for (const activity of Object.values(doc.activities)) {
    activity.caps = {};
    activity.once_per_day = false;
  }
  doc.multipliers.level_bonus.per_level = 0;
  doc.activities.quiz_completed = { ...doc.activities.quiz_completed, caps: { per_hour: 10 } } as never;
  doc.achievements = { quiz_fan: quizFan } as never;
  // the starter shop's items ask for achievements of the default catalog, which these rules replace
  const shop = defaultShopRules() as { items: Record<string, { requirement: { kind: string } }> };
  for (const item of Object.values(shop.items)) {
    if (item.requirement.kind === 'achievement') item.requirement = { kind: 'coins' };
  }
  doc.shop = shop as never;
  if (doc.streaks) doc.streaks.freezes.price_coins = 14;
}

const current = rulesWith(base);
const proposed = rulesWith((doc) => {
  base(doc);
  doc.label = 'more for flashcards';
  // raise a value, lower a cap, remove an achievement and add another
  (doc.activities.flashcard_session as { xp: number }).xp = 20;
  doc.activities.quiz_completed = { ...doc.activities.quiz_completed, caps: { per_hour: 2 } } as never;
  doc.achievements = {
    card_first: {
      ...quizFan,
      name: 'Card First',
      criterion: { kind: 'count', activity: 'flashcard_session', min: 1 },
      reward: { xp: 5, coins: 1 },
    },
  } as never;
});

describe('rules what-if over a recorded history', () => {
  let store: TestStore;
  let histories: ReplayableHistory[];
  const [ann, bob, cat] = [uniqueId('ann'), uniqueId('bob'), uniqueId('cat')];

  beforeAll(async () => {
    store = await createTestStore();
    // two days ago, 10:00 UTC onwards, 1 s per step: one hour of one day
    const start = new Date(`${new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)}T10:00:00Z`);
    let ms = start.getTime();
    const clock: Clock = { now: () => new Date(ms) };
    const deps = depsFor(store.store, { rules: current, clock });
    const record = makeRecordActivity(deps);
    const act = async (userId: string, type: string) => {
      ms += 1000;
      await record({ eventId: uniqueId('evt'), userId, type, occurredAt: new Date(ms).toISOString() });
    };
    for (let i = 0; i < 3; i += 1) await act(ann, 'quiz_completed');
    await act(bob, 'quiz_completed');
    await act(bob, 'flashcard_session');
    await act(cat, 'quiz_completed');
    await act(cat, 'quiz_completed');
    ms += 1000;
    await makeFreezePurchase(deps)({ userId: cat, type: 'daily_activity', eventId: uniqueId('buy') });
    // the next day, before any activity: a day a freeze can cover
    ms += 86_400_000;
    await makeUseStreakFreeze(deps)(cat, 'daily_activity', uniqueId('req'));
    histories = await readAllHistories({ doc: store.doc, tableName: store.tableName, segments: 3 });
  });

  const changeOf = (changes: UserChange[], userId: string) => changes.find((c) => c.userId === userId);

  it('reads every step, the purchase and the explicit freeze included', () => {
    const steps = Object.fromEntries(
      histories.map((h) => [h.userId, inAppliedOrder(h.steps).map((s) => s.kind)]),
    );
    expect(steps[ann]).toEqual(['activity', 'activity', 'activity']);
    expect(steps[cat]).toEqual(['activity', 'activity', 'purchase', 'freeze_use']);
  });

  it('changes nothing under the same rules, and the replay matches what is stored', () => {
    const report = whatIf(current, current, histories);
    expect(report.changes).toEqual([]);
    expect(report.unfaithful).toEqual([]);
    expect(report.economy.xpIssued).toEqual({ before: 100 + 40 + 70, after: 100 + 40 + 70 });
  });

  it('gives each user the exact diff of the new rules', () => {
    const { changes } = whatIf(current, proposed, histories);
    // ann: the third quiz is over the new cap of 2 an hour, and quiz_fan is gone
    expect(changeOf(changes, ann)).toMatchObject({
      before: { xp: 100, level: 2, coinsEarned: 20, achievements: { quiz_fan: 1 } },
      after: { xp: 60, level: 1, coinsEarned: 12, achievements: {} },
      achievementsGained: [],
      achievementsLost: ['quiz_fan'],
      losses: ['level 2 -> 1', 'achievement quiz_fan'],
    });
    // bob: flashcards are worth 20 now, and earn card_first
    expect(changeOf(changes, bob)).toMatchObject({
      before: { xp: 40, coinsEarned: 8, achievements: {} },
      after: { xp: 55, coinsEarned: 9, achievements: { card_first: 1 } },
      achievementsGained: ['card_first'],
      losses: [],
    });
    // cat: without quiz_fan's 2 coins, the 14-coin freeze bought was not affordable
    const catChange = changeOf(changes, cat);
    expect(catChange?.before).toMatchObject({ xp: 70, coins: 0, unaffordable: [] });
    expect(catChange?.after).toMatchObject({ xp: 60, coins: 12 });
    expect(catChange?.losses).toEqual([
      'achievement quiz_fan',
      expect.stringMatching(/^coins already spent: Bought a streak freeze \(14 coins, /),
    ]);
  });

  it('sums the economy before and after', () => {
    const { economy } = whatIf(current, proposed, histories);
    expect(economy.users).toBe(3);
    expect(economy.xpIssued).toEqual({ before: 210, after: 60 + 55 + 60 });
    expect(economy.coinsIssued).toEqual({ before: 20 + 8 + 14, after: 12 + 9 + 12 });
    expect(economy.achievements).toEqual({
      quiz_fan: { gained: 0, lost: 2 },
      card_first: { gained: 1, lost: 0 },
    });
    expect(economy.levels).toEqual({ before: { 1: 2, 2: 1 }, after: { 1: 3 } });
  });
});
