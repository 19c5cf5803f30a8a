import * as z from 'zod';

/**
 * One per shop item bought (POST /v1/shop/items/{code}/unlock). The coins spent
 * are in the same outcome's points.awarded (kind purchase) and ledger entry.
 * Items a user owns by a met requirement at price 0 are never bought and
 * publish nothing.
 */

export const detailType = 'item.unlocked';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    /** the purchase's event id (its idempotency key) */
    event_id: z.string().min(1),
    item_code: z.string().min(1),
    item_type: z.enum(['accessory', 'clothing', 'feature', 'color', 'pattern']),
    name: z.string().min(1),
    price_coins: z.number().int().min(0),
  })
  .strict();

export type ItemUnlocked = z.infer<typeof schema>;
