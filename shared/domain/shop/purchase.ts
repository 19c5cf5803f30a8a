import type * as z from 'zod';
import type * as itemUnlockedV1 from '../../../events/item-unlocked.v1';
import type { Rules } from '../../rules/schema';
import { STREAK_FREEZE_CODE } from '../../rules/shop-references';
import { NotFoundError } from '../errors';
import { refuse } from '../refusal';
import { spendCoins } from '../spend';
import type { Outcome, Profile } from '../types';
import { isItemUnlocked, requirementMet, requirementText, shopItem } from './catalog';

const ITEM_UNLOCKED: (typeof itemUnlockedV1)['detailType'] = 'item.unlocked';

/**
 * POST /v1/shop/items/{code}/unlock: one item, paid through the ledger like
 * every change of coins. A refusal writes nothing; an applied outcome carries
 * the item to own (written create-only in the same transaction as the coins).
 * The streak freeze is not an item here: the caller routes it to buyFreeze.
 */
export function buyItem(
  rules: Rules,
  profile: Profile,
  owned: ReadonlySet<string>,
  code: string,
  eventId: string,
  now: Date,
): Outcome {
  const item = code === STREAK_FREEZE_CODE ? undefined : shopItem(rules, code);
  if (!item) throw new NotFoundError('shop_item', code);
  const subject = { eventId, userId: profile.userId };
  if (isItemUnlocked(rules, profile, owned, code)) {
    return refuse(subject, 'already_owned', `${item.name} is already unlocked`);
  }
  if (!requirementMet(rules, profile, item.requirement)) {
    return refuse(
      subject,
      'requirement_unmet',
      `to unlock ${item.name}, ${requirementText(rules, item.requirement)}`,
    );
  }
  const price = item.price_coins;
  const outcome = spendCoins(
    rules,
    profile,
    { eventId, what: item.name, price, reason: `Bought ${item.name}` },
    now,
  );
  if (outcome.status === 'refused') return outcome;
  const unlocked: z.input<typeof itemUnlockedV1.schema> = {
    user_id: profile.userId,
    event_id: eventId,
    item_code: code,
    item_type: item.type,
    name: item.name,
    price_coins: price,
  };
  return {
    ...outcome,
    purchase: { items: [code] },
    events: [...outcome.events, { detailType: ITEM_UNLOCKED, data: unlocked }],
  };
}
