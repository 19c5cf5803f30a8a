import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiCall } from '../api/client';
import type { LedgerEntry } from '../api/operations';
import { messageOf, when } from '../format';

const PAGE = 20;

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/**
 * The ledger, newest first: the next page loads when the end of the list
 * scrolls into view (and from a button, for keyboards and slow observers).
 * `version` bumps when new entries arrive (a push), which reloads from the top.
 */
export function History(props: { call: ApiCall; version: number }) {
  const [entries, setEntries] = useState<LedgerEntry[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);

  const loadPage = useCallback(
    async (from: string | undefined, replace: boolean) => {
      setLoading(true);
      try {
        const page = await props.call('GetMyHistory', { query: { limit: PAGE, cursor: from } });
        setEntries((current) => (replace ? page.items : [...current, ...page.items]));
        setCursor(page.next_cursor);
        setError(null);
      } catch (cause) {
        setError(messageOf(cause));
      } finally {
        setLoading(false);
      }
    },
    [props.call],
  );

  useEffect(() => {
    void loadPage(undefined, true);
  }, [loadPage, props.version]);

  const more = cursor ? () => !loading && void loadPage(cursor, false) : null;
  useEffect(() => {
    if (!more || !end.current) return;
    const observer = new IntersectionObserver((seen) => seen.some((s) => s.isIntersecting) && more());
    observer.observe(end.current);
    return () => observer.disconnect();
  }, [more]);

  return (
    <section class="card history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ul class="list small" data-testid="history">
        {entries.map((entry) => (
          <li key={entry.event_id}>
            <span>
              <strong>{entry.reason}</strong>
              <span class="muted"> · {when(entry.occurred_at)}</span>
            </span>
            <span>
              {signed(entry.xp)} XP · {signed(entry.coins)} coins
            </span>
          </li>
        ))}
      </ul>
      {error && <p class="warning">{error}</p>}
      <div ref={end}>
        {more ? (
          <button type="button" onClick={more} disabled={loading}>
            {loading ? 'Loading…' : 'Load older entries'}
          </button>
        ) : (
          entries.length > 0 && <p class="muted small">That is everything.</p>
        )}
      </div>
    </section>
  );
}
