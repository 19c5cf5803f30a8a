import type { Profile } from '../api/operations';
import { number } from '../format';
import { ProgressBar } from '../progress-bar';

/** Level with title, progress to the next level, total XP and XP remaining; coins. */
export function XpCard({ profile }: { profile: Profile }) {
  return (
    <section class="card xp" aria-labelledby="xp-title">
      <h2 id="xp-title">Level {profile.level}</h2>
      <p class="title" data-testid="title">
        {profile.title}
      </p>
      <ProgressBar
        label={`Progress to level ${profile.level + 1}`}
        percent={profile.level_progress_percent}
        detail={`${number(profile.xp_to_next_level)} XP to go`}
      />
      <dl class="figures">
        <div>
          <dt>Total XP</dt>
          {/* keyed by the value: a new figure mounts anew and plays the bump once */}
          <dd key={profile.xp} class="bump" data-testid="xp">
            {number(profile.xp)}
          </dd>
        </div>
        <div>
          <dt>Coins</dt>
          <dd key={profile.coins} class="bump" data-testid="coins">
            {number(profile.coins)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
