import type * as z from 'zod';
import type * as levelUpV1 from '../../events/level-up.v1';
import type * as milestoneReachedV1 from '../../events/milestone-reached.v1';
import type * as pointsAwardedV1 from '../../events/points-awarded.v1';
import type { Rules } from '../rules/schema';
import { achievementEvents } from './achievements/events';
import type { Draft } from './progress';
import { streakEvents } from './streaks/events';
import { titleForLevel } from './titles';
import type { DomainEvent } from './types';

/**
 * The events an outcome publishes, as data of the contracts in events/. Typed
 * against the schemas (type-only imports keep the domain free of zod at
 * runtime); the unit tests parse every emitted event with them.
 */

interface Contract {
  detailType: string;
  schema: z.ZodType;
}

function event<C extends Contract>(detailType: C['detailType'], data: z.input<C['schema']>): DomainEvent {
  return { detailType, data: data as Record<string, unknown> };
}

export function eventsFor(rules: Rules, before: { level: number }, draft: Draft): DomainEvent[] {
  const { entry, profile } = draft;
  const points: z.input<typeof pointsAwardedV1.schema> = {
    user_id: draft.userId,
    event_id: draft.eventId,
    kind: entry.kind,
    reason: entry.reason,
    xp: entry.xp,
    coins: entry.coins,
    total_xp: profile.xp,
    total_coins: profile.coins,
    level: profile.level,
    multiplier: entry.multiplier,
    occurred_at: entry.occurredAt,
  };
  if (entry.activityType !== undefined) points.activity_type = entry.activityType;
  if (entry.subjectId !== undefined) points.subject_id = entry.subjectId;

  const events = [event<typeof pointsAwardedV1>('points.awarded', points)];
  let previous = before.level;
  for (const up of draft.levelUps) {
    events.push(
      event<typeof levelUpV1>('level.up', {
        user_id: draft.userId,
        event_id: draft.eventId,
        level: up.level,
        previous_level: previous,
        title: up.title,
        title_changed: up.title !== titleForLevel(rules, previous),
        total_xp: profile.xp,
      }),
    );
    previous = up.level;
  }
  for (const m of draft.milestones) {
    events.push(
      event<typeof milestoneReachedV1>('milestone.reached', {
        user_id: draft.userId,
        event_id: draft.eventId,
        scene_level: m.sceneLevel,
        milestone_xp: m.xp,
        description: m.description,
        total_xp: profile.xp,
      }),
    );
  }
  events.push(...streakEvents(draft, draft.streaks));
  events.push(...achievementEvents(rules, draft));
  return events;
}
