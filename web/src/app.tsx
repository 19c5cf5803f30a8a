import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApiClient } from './api/client';
import type { Session } from './auth/session';
import type { WebConfig } from './config';
import { actionKey, messageOf } from './format';
import { type Notice, Notices, noticeFor } from './live/notices';
import { connectLive, type LiveStatus, type PushFrame } from './live/socket';
import { Achievements } from './sections/achievements';
import { History } from './sections/history';
import { Leaderboards } from './sections/leaderboards';
import { MonsterCard } from './sections/monster-card';
import { Rewards } from './sections/rewards';
import { StreakCard } from './sections/streak-card';
import { XpCard } from './sections/xp-card';
import { type Part, useDashboard } from './use-dashboard';

/** What each push reloads, so the page follows without a refresh. */
const RELOADS: Record<string, Part[]> = {
  points_awarded: ['profile'],
  level_up: ['profile', 'shop'],
  milestone_reached: ['profile', 'monster'],
  achievement_unlocked: ['achievements', 'catalog', 'shop'],
  streak_updated: ['streaks'],
  item_unlocked: ['shop'],
  reward_redeemed: ['rewards', 'redemptions'],
  scene_generated: ['monster'],
};

const NOTICE_MS = 6000;

export function App(props: { config: WebConfig; session: Session; onSignOut: () => void }) {
  const { config, session } = props;
  const call = useMemo(
    () => createApiClient(config.apiUrl, () => session.token),
    [config.apiUrl, session.token],
  );
  const { data, error, reload } = useDashboard(call);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [notices, setNotices] = useState<Notice[]>([]);
  const [boardsVersion, setBoardsVersion] = useState(0);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [demo, setDemo] = useState<string | null>(null);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  useEffect(() => {
    const live = connectLive(config.wsUrl, () => session.token, {
      onStatus: setStatus,
      onFrame(frame: PushFrame) {
        const notice = noticeFor(frame);
        if (notice) {
          setNotices((current) => [...current.slice(-3), notice]);
          setTimeout(() => setNotices((current) => current.filter((n) => n.id !== notice.id)), NOTICE_MS);
        }
        const parts = RELOADS[frame.event];
        if (parts) void reloadRef.current(...parts);
        if (frame.event === 'leaderboard_changed') setBoardsVersion((v) => v + 1);
        if (frame.event === 'points_awarded') setHistoryVersion((v) => v + 1);
      },
    });
    return () => live.stop();
  }, [config.wsUrl, session.token]);

  async function sendDemoActivity() {
    if (config.auth.kind !== 'dev' || !config.auth.demoKey) return;
    setDemo(null);
    try {
      await call('RecordActivity', {
        bearer: config.auth.demoKey,
        body: {
          event_id: actionKey('demo'),
          user_id: session.userId,
          activity_type: 'flashcard_session',
          occurred_at: new Date().toISOString(),
        },
      });
    } catch (cause) {
      setDemo(messageOf(cause));
    }
  }

  return (
    <>
      <header class="top">
        <h1>Questline</h1>
        <span class={`live ${status}`} data-testid="live-status">
          {status === 'online' ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Offline: reconnecting'}
        </span>
        <span class="muted small">Signed in as {session.userId}</span>
        {config.auth.kind === 'dev' && config.auth.demoKey && (
          <button type="button" onClick={sendDemoActivity} data-testid="demo-activity">
            Send a demo activity
          </button>
        )}
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      {demo && (
        <p class="warning" role="alert">
          {demo}
        </p>
      )}
      <Notices notices={notices} />
      <main>
        {error && (
          <p class="warning" role="alert">
            Could not load your dashboard: {error}
          </p>
        )}
        {!data && !error && <p class="muted">Loading…</p>}
        {data && (
          <div class="grid">
            <MonsterCard
              monster={data.monster}
              profile={data.profile}
              items={data.shop.items}
              call={call}
              onChange={(...parts) => reload(...parts)}
            />
            <div class="stack">
              <XpCard profile={data.profile} />
              <StreakCard streaks={data.streaks} call={call} onChange={() => reload('streaks', 'profile')} />
            </div>
            <Leaderboards boards={data.boards.boards} call={call} version={boardsVersion} />
            <Achievements catalog={data.catalog} mine={data.achievements} />
            <Rewards
              rewards={data.rewards}
              redemptions={data.redemptions}
              coins={data.profile.coins}
              call={call}
              onChange={() => reload('rewards', 'redemptions', 'profile')}
            />
            <History call={call} version={historyVersion} />
          </div>
        )}
      </main>
    </>
  );
}
