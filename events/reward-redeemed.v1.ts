import * as z from 'zod';

/**
 * One per reward redemption (POST /v1/rewards/{id}/redeem): what fulfilment
 * acts on (ship the notebook, grant the perk). The coins spent are in the same
 * outcome's points.awarded (kind purchase) and ledger entry.
 */

export const detailType = 'reward.redeemed';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    event_id: z.string().min(1),
    reward_id: z.string().min(1),
    name: z.string().min(1),
    reward_type: z.enum(['digital', 'physical', 'perk']),
    cost_coins: z.number().int().min(1),
    /** the redemption record's id: the redemption's event id, so a retry names the same record */
    redemption_id: z.string().min(1),
  })
  .strict();

export type RewardRedeemed = z.infer<typeof schema>;
