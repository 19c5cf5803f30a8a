import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiCall } from '../api/client';
import type { Answers, Board, Standing } from '../api/operations';
import { messageOf, number } from '../format';
import { Icon } from '../icons';

const WINDOW_LABELS: Record<string, string> = {
  all_time: 'All time',
  week: 'This week',
  month: 'This month',
};
const MEDALS = ['gold', 'silver', 'bronze'];

/**
 * Board and window tabs, the top 10 with medals, my row highlighted; when I
 * am outside the top 10, my rank and neighbours below it. `version` bumps
 * when a leaderboard_changed push arrives.
 */
export function Leaderboards(props: { boards: Board[]; call: ApiCall; version: number }) {
  const [boardId, setBoardId] = useState(props.boards[0]?.id ?? '');
  const board = props.boards.find((b) => b.id === boardId);
  const [window, setWindow] = useState<string>(board?.windows[0] ?? 'all_time');
  const [top, setTop] = useState<Answers['GetLeaderboard'] | null>(null);
  const [standing, setStanding] = useState<Standing | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!boardId) return;
    try {
      const [t, s] = await Promise.all([
        props.call('GetLeaderboard', { path: { board: boardId }, query: { period: window, limit: 10 } }),
        props.call('GetMyLeaderboardStanding', {
          path: { board: boardId },
          query: { period: window, around: 2 },
        }),
      ]);
      setTop(t);
      setStanding(s);
      setError(null);
    } catch (cause) {
      setError(messageOf(cause));
    }
  }, [boardId, window, props.call]);

  useEffect(() => {
    void load();
  }, [load, props.version]);

  const choose = (next: Board) => {
    setBoardId(next.id);
    setWindow(next.windows.includes(window as never) ? window : (next.windows[0] ?? 'all_time'));
  };
  const inTop = top?.entries.some((e) => e.me) ?? false;

  return (
    <section class="card leaderboards" aria-labelledby="boards-title">
      <h2 id="boards-title">Leaderboards</h2>
      <fieldset class="tabs">
        <legend class="visually-hidden">Board</legend>
        {props.boards.map((b) => (
          <button key={b.id} type="button" aria-pressed={b.id === boardId} onClick={() => choose(b)}>
            {b.name}
          </button>
        ))}
      </fieldset>
      <fieldset class="tabs">
        <legend class="visually-hidden">Period</legend>
        {(board?.windows ?? []).map((w) => (
          <button key={w} type="button" aria-pressed={w === window} onClick={() => setWindow(w)}>
            {WINDOW_LABELS[w] ?? w}
          </button>
        ))}
      </fieldset>
      {error && <p class="warning">{error}</p>}
      <ol class="board" data-testid="board">
        {top?.entries.map((entry) => (
          <Row key={entry.player_id} entry={entry} />
        ))}
        {top && top.entries.length === 0 && <li class="muted">No one is ranked yet.</li>}
      </ol>
      {standing?.ranked && !inTop && (
        <>
          <p class="small" data-testid="my-rank">
            You are #{standing.rank} of {number(standing.total)} (top{' '}
            {Math.max(1, Math.round(100 - standing.percentile))}%)
          </p>
          <ol class="board">
            {standing.around.map((entry) => (
              <Row key={entry.player_id} entry={entry} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Row(props: { entry: Answers['GetLeaderboard']['entries'][number] }) {
  const { entry } = props;
  return (
    <li class={entry.me ? 'me' : ''} value={entry.rank} aria-current={entry.me ? 'true' : undefined}>
      <span class={`rank ${MEDALS[entry.rank - 1] ?? ''}`}>
        {entry.rank <= 3 && <Icon name="star" />}#{entry.rank}
      </span>
      <span class="who">
        {entry.display_name ?? (entry.me ? 'You' : `Player ${entry.player_id.slice(2, 8)}`)}
      </span>
      <span class="muted small">lvl {entry.level}</span>
      <span class="score">{number(entry.score)}</span>
    </li>
  );
}
