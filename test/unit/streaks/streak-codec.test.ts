import { describe, expect, it } from 'vitest';
import { packStreaks, unpackStreaks } from '../../../shared/adapters/dynamo/streak-codec';
import { useFreeze } from '../../../shared/domain/streaks/freezes';
import { defaultRules } from '../../../shared/rules/load';
import { daily, last, run, user } from './helpers';

const rules = defaultRules();

function longRun() {
  const types = ['quiz_completed', 'chapter_completed', 'daily_login'];
  const steps = daily('2026-09-01', 60).flatMap((at, i) =>
    types.map((type) => ({ type, at: i === 57 ? '' : at })),
  );
  return last(
    run(
      rules,
      user(),
      steps.filter((s) => s.at !== ''),
    ),
  ).profile;
}

describe('streak state codec', () => {
  it('round-trips every field, freezes and shields included', () => {
    const profile = longRun();
    const frozen = useFreeze(rules, profile, 'daily_activity', 'r', new Date('2026-10-31T12:00:00Z')).profile;
    const streaks = frozen.streaks ?? {};
    expect(Object.keys(streaks)).toEqual(['daily_activity', 'study', 'story', 'daily_login']);
    expect(streaks.daily_activity?.frozen.length).toBe(1);
    expect(unpackStreaks(packStreaks(streaks))).toEqual(streaks);
  });

  it('keeps four long-running streaks well under half a kilobyte', () => {
    const streaks = longRun().streaks ?? {};
    const packed = packStreaks(streaks);
    expect(packed.length).toBeLessThan(500);
    expect(packed.length).toBeLessThan(JSON.stringify(streaks).length / 2);
  });
});
