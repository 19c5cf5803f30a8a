import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiCall } from './api/client';
import type { Answers } from './api/operations';

/** Everything the first screen shows, loaded in parallel; each part can be reloaded on its own. */
export interface DashboardData {
  profile: Answers['GetMe'];
  monster: Answers['GetMyMonster'];
  shop: Answers['ListShopItems'];
  streaks: Answers['GetMyStreaks'];
  achievements: Answers['GetMyAchievements'];
  catalog: Answers['ListAchievements'];
  boards: Answers['ListLeaderboards'];
  rewards: Answers['ListRewards'];
  redemptions: Answers['GetMyRedemptions'];
}

export type Part = keyof DashboardData;

const loaders: { [K in Part]: (call: ApiCall) => Promise<DashboardData[K]> } = {
  profile: (call) => call('GetMe'),
  monster: (call) => call('GetMyMonster'),
  shop: (call) => call('ListShopItems'),
  streaks: (call) => call('GetMyStreaks'),
  achievements: (call) => call('GetMyAchievements'),
  catalog: (call) => call('ListAchievements'),
  boards: (call) => call('ListLeaderboards'),
  rewards: (call) => call('ListRewards'),
  redemptions: (call) => call('GetMyRedemptions', { query: { limit: 10 } }),
};

const parts = Object.keys(loaders) as Part[];

export function useDashboard(call: ApiCall) {
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all(parts.map((part) => loaders[part](call)))
      .then((answers) => {
        // read by the browser test: the first screen with the player's figures
        performance.mark('questline:dashboard-data');
        if (live)
          setData(Object.fromEntries(parts.map((part, i) => [part, answers[i]])) as unknown as DashboardData);
      })
      .catch((cause: unknown) => live && setError(String((cause as Error).message ?? cause)));
    return () => {
      live = false;
    };
  }, [call]);

  /** Reloads the named parts (after a purchase, a push) and swaps them in together. */
  const reload = useCallback(
    async (...which: Part[]) => {
      const answers = await Promise.all(which.map((part) => loaders[part](call)));
      setData((current) =>
        current ? { ...current, ...Object.fromEntries(which.map((part, i) => [part, answers[i]])) } : current,
      );
    },
    [call],
  );

  return { data, error, reload };
}
