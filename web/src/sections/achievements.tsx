import type { Answers } from '../api/operations';
import { when } from '../format';
import { Icon } from '../icons';
import { ProgressBar } from '../progress-bar';

/**
 * The catalog as a grid: unlocked ones with their date, the others locked
 * with their progress (incremental and tiered); hidden ones stay masked
 * until unlocked. Reward and rarity (share of users who unlocked it) on each.
 */
export function Achievements(props: {
  catalog: Answers['ListAchievements'];
  mine: Answers['GetMyAchievements'];
}) {
  const unlocked = new Map(props.mine.unlocked.map((a) => [a.id, a]));
  const progress = new Map(props.mine.in_progress.map((a) => [a.id, a]));
  return (
    <section class="card achievements" aria-labelledby="achievements-title">
      <h2 id="achievements-title">
        Achievements <span class="muted small">{unlocked.size} unlocked</span>
      </h2>
      <ul class="achievement-grid">
        {props.catalog.items.map((item) => {
          const mine = unlocked.get(item.id);
          const going = progress.get(item.id);
          const masked = item.hidden && !mine;
          const reward =
            item.xp !== undefined ? `+${item.xp} XP, +${item.coins ?? 0} coins` : 'rewards by tier';
          return (
            <li
              key={item.id}
              class={`achievement ${mine ? 'unlocked' : 'locked'}`}
              data-testid={`achievement-${item.id}`}
              data-unlocked={mine ? 'true' : 'false'}
            >
              <Icon name={mine ? 'trophy' : masked ? 'mystery' : 'lock'} class="badge" />
              <strong>{mine ? mine.name : item.name}</strong>
              <span class="small">
                {masked ? 'Keep playing to find out.' : (mine?.description ?? item.description)}
              </span>
              {mine && (
                <span class="small">
                  Unlocked {when(mine.unlocked_at)}
                  {mine.tier ? ` · ${mine.tier}` : ''}
                </span>
              )}
              {!mine && going && (
                <ProgressBar
                  label={`Progress on ${item.name}`}
                  percent={going.progress.percent}
                  detail={`${going.progress.current} / ${going.progress.target}`}
                />
              )}
              {!masked && <span class="muted small">{reward}</span>}
              <span class="muted small">
                {item.rarity} · {item.unlocked_percent}% of players
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
