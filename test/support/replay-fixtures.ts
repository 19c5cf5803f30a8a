import { makeFreezePurchase } from '../../shared/app/buy-streak-freeze';
import type { AppDeps } from '../../shared/app/deps';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { makeUseStreakFreeze } from '../../shared/app/use-streak-freeze';
import type { Clock } from '../../shared/ports/operations';
import type { Rules, RulesInput } from '../../shared/rules/schema';
import { defaultShopRules } from '../../shared/rules/shop-schema';
import type { TestStore } from './dynamodb';
import { depsFor, rulesWith, uniqueId } from './game-fixtures';

/**
 * A small recorded history for replays (what-if, backfill): rules with one
 * achievement and plain amounts, and three users whose steps are recorded
 * through the real use cases into DynamoDB Local.
 */

export const quizFan = {
  name: 'Quiz Fan',
  description: 'Finish 2 quizzes',
  category: 'perfection',
  rarity: 'common',
  kind: 'one_off',
  criterion: { kind: 'count', activity: 'quiz_completed', min: 2 },
  reward: { xp: 10, coins: 2 },
} as const;

/** What the new rules of the what-if and backfill tests add: a flashcard set's achievement. */
export const cardFirst = {
  ...quizFan,
  name: 'Card First',
  criterion: { kind: 'count', activity: 'flashcard_session', min: 1 },
  reward: { xp: 5, coins: 1 },
} as const;

/** No caps but 10 quizzes an hour, no level bonus, the one achievement quiz_fan, freezes at 14 coins. */
export function replayRules(edit: (doc: RulesInput) => void = () => {}): Rules {
  return rulesWith((doc) => {
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
    edit(doc);
  });
}

export interface SeededUsers {
  /** 3 quizzes: 100 XP, 20 coins, quiz_fan */
  ann: string;
  /** a quiz and a flashcard set: 40 XP, 8 coins */
  bob: string;
  /** 2 quizzes (quiz_fan), a freeze bought for 14 coins, a freeze used the next day */
  cat: string;
}

/** Records the three users' steps two days ago from 10:00 UTC, a second apart (the freeze use a day later). */
export async function seedReplayHistory(store: TestStore, rules: Rules, overrides: Partial<AppDeps> = {}) {
  const users: SeededUsers = { ann: uniqueId('ann'), bob: uniqueId('bob'), cat: uniqueId('cat') };
  const start = new Date(`${new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)}T10:00:00Z`);
  let ms = start.getTime();
  const clock: Clock = { now: () => new Date(ms) };
  const deps = depsFor(store.store, { rules, clock, ...overrides });
  const record = makeRecordActivity(deps);
  const act = async (userId: string, type: string) => {
    ms += 1000;
    await record({ eventId: uniqueId('evt'), userId, type, occurredAt: new Date(ms).toISOString() });
  };
  for (let i = 0; i < 3; i += 1) await act(users.ann, 'quiz_completed');
  await act(users.bob, 'quiz_completed');
  await act(users.bob, 'flashcard_session');
  await act(users.cat, 'quiz_completed');
  await act(users.cat, 'quiz_completed');
  ms += 1000;
  await makeFreezePurchase(deps)({ userId: users.cat, type: 'daily_activity', eventId: uniqueId('buy') });
  // the next day, before any activity: a day a freeze can cover
  ms += 86_400_000;
  await makeUseStreakFreeze(deps)(users.cat, 'daily_activity', uniqueId('req'));
  return users;
}
