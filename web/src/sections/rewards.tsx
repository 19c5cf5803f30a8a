import { useState } from 'preact/hooks';
import type { ApiCall } from '../api/client';
import type { Answers } from '../api/operations';
import { actionKey, messageOf, when } from '../format';

/** Rewards to spend coins on, with the stock left, and my redemptions. */
export function Rewards(props: {
  rewards: Answers['ListRewards'];
  redemptions: Answers['GetMyRedemptions'];
  coins: number;
  call: ApiCall;
  onChange: () => Promise<void>;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const names = new Map(props.rewards.rewards.map((r) => [r.id, r.name]));

  async function redeem(id: string, name: string) {
    setMessage(null);
    try {
      await props.call('RedeemReward', { path: { id }, headers: { 'idempotency-key': actionKey('redeem') } });
      await props.onChange();
      setMessage(`Redeemed: ${name}.`);
    } catch (error) {
      setMessage(messageOf(error));
    }
  }

  return (
    <section class="card rewards" aria-labelledby="rewards-title">
      <h2 id="rewards-title">Rewards</h2>
      <ul class="list">
        {props.rewards.rewards.map((reward) => {
          const soldOut = reward.remaining === 0;
          const atLimit = reward.per_user_limit !== null && reward.redeemed_by_me >= reward.per_user_limit;
          return (
            <li key={reward.id}>
              <div>
                <strong>{reward.name}</strong>
                <span class="muted small">
                  {' '}
                  · {reward.remaining === null ? 'unlimited' : `${reward.remaining} left`}
                </span>
                <p class="small">{reward.description}</p>
              </div>
              <button
                type="button"
                onClick={() => redeem(reward.id, reward.name)}
                disabled={soldOut || atLimit || props.coins < reward.cost_coins}
              >
                {soldOut ? 'Sold out' : atLimit ? 'Limit reached' : `Redeem · ${reward.cost_coins} coins`}
              </button>
            </li>
          );
        })}
      </ul>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      <h3>My redemptions</h3>
      {props.redemptions.redemptions.length === 0 ? (
        <p class="muted small">None yet.</p>
      ) : (
        <ul class="list small">
          {props.redemptions.redemptions.map((r) => (
            <li key={r.id}>
              {names.get(r.reward_id) ?? r.reward_id} · {r.cost_coins} coins · {r.status} ·{' '}
              {when(r.redeemed_at)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
