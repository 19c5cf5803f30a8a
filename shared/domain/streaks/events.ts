import type * as z from 'zod';
import type * as streakBrokenV1 from '../../../events/streak-broken.v1';
import type * as streakFrozenV1 from '../../../events/streak-frozen.v1';
import type * as streakMilestoneV1 from '../../../events/streak-milestone.v1';
import type * as streakUpdatedV1 from '../../../events/streak-updated.v1';
import type { DomainEvent, StreakChange } from '../types';

/**
 * The streak events of one outcome, as data of the contracts in events/ (type
 * imports only: the domain stays free of zod at runtime; the unit tests parse
 * every emitted event with the schemas).
 */

interface Contract {
  detailType: string;
  schema: z.ZodType;
}

function event<C extends Contract>(detailType: C['detailType'], data: z.input<C['schema']>): DomainEvent {
  return { detailType, data: data as Record<string, unknown> };
}

export function streakEvents(
  ids: { userId: string; eventId: string },
  changes: readonly StreakChange[],
  mode: 'automatic' | 'explicit' = 'automatic',
): DomainEvent[] {
  const head = { user_id: ids.userId, event_id: ids.eventId };
  const events: DomainEvent[] = [];
  for (const c of changes) {
    const type = { ...head, streak_type: c.type };
    // A second activity on a kept day changes nothing a consumer acts on; skipping
    // it keeps the common-case outbox (and the event item, write units) small.
    if (c.action !== 'maintained') {
      events.push(
        event<typeof streakUpdatedV1>('streak.updated', {
          ...type,
          action: c.action,
          current: c.current,
          previous: c.previous,
          longest: c.longest,
          total_days: c.totalDays,
          day: c.day,
          freezes_left: c.freezesLeft,
        }),
      );
    }
    if (c.action === 'broken' && c.previous > 0 && c.previousLastDay !== null) {
      events.push(
        event<typeof streakBrokenV1>('streak.broken', {
          ...type,
          previous_length: c.previous,
          last_active_day: c.previousLastDay,
          day: c.day,
          longest: c.longest,
        }),
      );
    }
    if (c.frozenDays.length > 0) {
      events.push(
        event<typeof streakFrozenV1>('streak.frozen', {
          ...type,
          mode,
          frozen_days: c.frozenDays,
          freezes_used: c.frozenDays.length,
          freezes_left: c.freezesLeft,
          current: c.current,
        }),
      );
    }
    for (const m of c.milestones) {
      events.push(
        event<typeof streakMilestoneV1>('streak.milestone', {
          ...type,
          days: m.days,
          bonus_xp: m.xp,
          bonus_coins: m.coins,
          current: c.current,
        }),
      );
    }
  }
  return events;
}
