import { describe, expect, it } from 'vitest';
import { contractFor, isOutboundDetailType } from '../../../events/catalog';
import { useFreeze } from '../../../shared/domain/streaks/freezes';
import type { DomainEvent } from '../../../shared/domain/types';
import { defaultRules } from '../../../shared/rules/load';
import { last, run, user } from './helpers';

const rules = defaultRules();

function expectContract(event: DomainEvent) {
  expect(isOutboundDetailType(event.detailType)).toBe(true);
  expect(contractFor(event.detailType).schema.parse(event.data)).toEqual(event.data);
}

describe('streak events', () => {
  it('emits updated, milestone, frozen and broken, each valid under its contract', () => {
    const outcomes = run(
      rules,
      user(),
      ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-14'].map((day) => ({
        type: 'quiz_completed',
        at: `${day}T12:00:00Z`,
      })),
    );
    const events = outcomes.flatMap((o) => o.events);
    const kinds = new Set(events.map((e) => e.detailType));
    expect([...kinds].filter((k) => k.startsWith('streak.')).sort()).toEqual([
      'streak.broken',
      'streak.frozen',
      'streak.milestone',
      'streak.updated',
    ]);
    events.forEach(expectContract);
    expect(last(outcomes).events.map((e) => [e.detailType, e.data.streak_type])).toEqual([
      ['points.awarded', undefined],
      ['streak.updated', 'daily_activity'],
      ['streak.frozen', 'daily_activity'],
      ['streak.updated', 'study'],
      ['streak.broken', 'study'],
    ]);
  });

  it('publishes no streak.updated for a second activity on a kept day', () => {
    const [, second] = run(rules, user(), [
      { type: 'quiz_completed', at: '2026-11-10T09:00:00Z' },
      { type: 'quiz_completed', at: '2026-11-10T12:00:00Z' },
    ]);
    expect(second?.streaks.map((s) => s.action)).toEqual(['maintained', 'maintained']);
    expect(second?.events.map((e) => e.detailType)).toEqual(['points.awarded']);
  });

  it('carries the event id of the activity, and the request id of an explicit freeze', () => {
    const [outcome] = run(rules, user(), [{ type: 'quiz_completed', at: '2026-11-10T12:00:00Z' }]);
    for (const e of outcome?.events ?? []) expect(e.data.event_id).toBe(outcome?.eventId);
    const used = useFreeze(
      rules,
      outcome?.profile ?? user(),
      'daily_activity',
      'freeze-9',
      new Date('2026-11-11T12:00:00Z'),
    );
    used.events.forEach(expectContract);
    expect(used.events.map((e) => e.data.event_id)).toEqual(['freeze-9', 'freeze-9']);
  });
});
