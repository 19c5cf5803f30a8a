import { useState } from 'preact/hooks';
import type { ApiCall } from '../api/client';
import type { Streaks } from '../api/operations';
import { actionKey, messageOf } from '../format';
import { Icon } from '../icons';

/** The colour of a run: the longer, the hotter. */
function heat(days: number): string {
  if (days >= 30) return 'blazing';
  if (days >= 7) return 'hot';
  if (days >= 3) return 'warm';
  return 'cool';
}

/** The main streak (daily activity, or the first): flame, longest run, freezes, at-risk warning. */
export function StreakCard(props: { streaks: Streaks; call: ApiCall; onChange: () => void }) {
  const { streaks } = props;
  const streak = streaks.streaks.find((s) => s.type === 'daily_activity') ?? streaks.streaks[0];
  const [message, setMessage] = useState<string | null>(null);
  if (!streak) return null;

  async function freeze(buy: boolean) {
    setMessage(null);
    try {
      await props.call('FreezeStreak', {
        path: { type: streak?.type ?? '' },
        body: buy ? { buy: true, event_id: actionKey('freeze') } : {},
      });
      setMessage(buy ? 'A freeze was added to your wallet.' : 'Today is covered by a freeze.');
      props.onChange();
    } catch (error) {
      setMessage(messageOf(error));
    }
  }

  return (
    <section class="card streak" aria-labelledby="streak-title">
      <h2 id="streak-title">Streak</h2>
      <p class={`flame ${heat(streak.current)}`} data-testid="streak">
        <Icon name="flame" /> {streak.current} {streak.current === 1 ? 'day' : 'days'}
      </p>
      <p class="muted">{streak.description}</p>
      <dl class="figures">
        <div>
          <dt>Longest</dt>
          <dd>{streak.longest}</dd>
        </div>
        <div>
          <dt>Freezes</dt>
          <dd data-testid="freezes">
            {streaks.freezes_held} / {streaks.freezes_max}
          </dd>
        </div>
      </dl>
      {streak.at_risk && (
        <p class="warning" role="alert">
          At risk: {streak.hours_left_today} hours left today to keep it.
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          onClick={() => freeze(false)}
          disabled={streaks.freezes_held === 0 || streak.done_today}
        >
          Use a freeze
        </button>
        <button
          type="button"
          onClick={() => freeze(true)}
          disabled={streaks.freezes_held >= streaks.freezes_max}
        >
          Buy a freeze
        </button>
      </div>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
