import type { Rules } from '../../rules/schema';
import { ConflictError, NotFoundError } from '../errors';
import { spendCoins } from '../spend';
import type { DomainEvent, Outcome, Profile } from '../types';
import { streakEvents } from './events';
import type { StreakUpdate } from './state';
import { statusAt } from './status';
import { walletAt } from './wallet';

export const FREEZE_PURCHASE_REASON = 'Bought a streak freeze';

export interface FreezeUse {
  /** the profile to write (version-guarded like any profile write); no ledger entry */
  profile: Profile;
  change: StreakUpdate;
  events: DomainEvent[];
}

/**
 * POST /v1/me/streaks/{type}/freeze: spends one token to cover today for one
 * streak type, for a user who knows they will miss it. Refused (typed errors)
 * when there is nothing to protect or nothing to spend.
 */
export function useFreeze(
  rules: Rules,
  profile: Profile,
  type: string,
  requestId: string,
  now: Date,
): FreezeUse {
  const rule = rules.streaks?.types[type];
  if (!rule || !Object.hasOwn(rules.streaks?.types ?? {}, type)) throw new NotFoundError('streak_type', type);
  if (!rule.freezable) throw new ConflictError('streak_not_freezable', `${type} streaks cannot be frozen`);
  const wallet = walletAt(rules, profile, now);
  const state = profile.streaks?.[type];
  const at = statusAt(rules, profile, type, state, wallet.held, now);
  if (!state || at.status === 'none' || at.status === 'broken') {
    throw new ConflictError('no_streak_to_freeze', `there is no ${type} streak to protect`);
  }
  if (at.doneToday) throw new ConflictError('streak_kept_today', `the ${type} streak is already kept today`);
  if (state.shields.includes(at.today)) {
    throw new ConflictError('streak_frozen_today', `the ${type} streak is already frozen today`);
  }
  // Missed days before today take tokens first at the next activity; today's token comes on top.
  if (wallet.held < 1 + at.missedDays) throw new ConflictError('no_freezes_left', 'no streak freezes left');

  const held = wallet.held - 1;
  const change: StreakUpdate = {
    type,
    action: 'frozen',
    current: state.current,
    longest: state.longest,
    previous: state.current,
    previousLastDay: state.lastDay,
    day: at.today,
    totalDays: state.total,
    frozenDays: [at.today],
    freezesLeft: held,
    milestones: [],
  };
  return {
    profile: {
      ...profile,
      streaks: {
        ...profile.streaks,
        [type]: { ...state, shields: [...state.shields, at.today].sort(), action: 'frozen' },
      },
      streakFreezes: { ...wallet, held },
      updatedAt: now.toISOString(),
    },
    change,
    events: streakEvents({ userId: profile.userId, eventId: requestId }, [change], 'explicit'),
  };
}

/**
 * The shop item: one freeze token for freezes.price_coins, through the ledger
 * like every other change of coins (an entry with baseCoins = -price,
 * multiplier 1). Refused for lack of coins; a conflict when the wallet is full.
 */
export function buyFreeze(rules: Rules, profile: Profile, eventId: string, now: Date): Outcome {
  const freezes = rules.streaks?.freezes;
  if (!freezes || freezes.price_coins === 0) {
    throw new ConflictError('freezes_not_for_sale', 'streak freezes are not for sale');
  }
  const wallet = walletAt(rules, profile, now);
  if (wallet.held >= freezes.max) {
    throw new ConflictError('freezes_full', `a user holds at most ${freezes.max} streak freezes`);
  }
  const outcome = spendCoins(
    rules,
    profile,
    { eventId, what: 'a streak freeze', price: freezes.price_coins, reason: FREEZE_PURCHASE_REASON },
    now,
  );
  if (outcome.status === 'refused') return outcome;
  return { ...outcome, profile: { ...outcome.profile, streakFreezes: { ...wallet, held: wallet.held + 1 } } };
}
