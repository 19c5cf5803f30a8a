import type * as z from 'zod';
import type * as achievementUnlockedV1 from '../../../events/achievement-unlocked.v1';
import type * as badgeEarnedV1 from '../../../events/badge-earned.v1';
import type { Rules } from '../../rules/schema';
import type { Draft } from '../progress';
import type { DomainEvent } from '../types';

type Unlocked = z.input<typeof achievementUnlockedV1.schema>;
type Badge = z.input<typeof badgeEarnedV1.schema>;

/** achievement.unlocked then badge.earned, per unlock, in unlock order. */
export function achievementEvents(rules: Rules, draft: Draft): DomainEvent[] {
  return draft.achievements.flatMap((u): DomainEvent[] => {
    const definition = Object.hasOwn(rules.achievements, u.id) ? rules.achievements[u.id] : undefined;
    if (!definition) return [];
    const times = u.times ?? 1;
    const rarity = u.rarity ?? definition.rarity;
    const tier = u.tier !== undefined ? { tier: u.tier } : {};
    const at = draft.entry.recordedAt;
    const unlocked: Unlocked = {
      user_id: draft.userId,
      event_id: draft.eventId,
      achievement_id: u.id,
      name: u.name,
      kind: definition.kind,
      category: definition.category,
      rarity,
      ...tier,
      times_earned: times,
      hidden: definition.hidden,
      reward_xp: u.xp,
      reward_coins: u.coins,
      unlocked_at: at,
    };
    const badge: Badge = {
      user_id: draft.userId,
      event_id: draft.eventId,
      badge_id: u.id,
      name: u.name,
      description: definition.description,
      category: definition.category,
      rarity,
      ...tier,
      times_earned: times,
      earned_at: at,
    };
    return [
      { detailType: 'achievement.unlocked', data: unlocked },
      { detailType: 'badge.earned', data: badge },
    ];
  });
}
