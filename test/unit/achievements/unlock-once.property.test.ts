import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjust } from '../../../shared/domain/adjust';
import { apply } from '../../../shared/domain/apply';
import type { Activity, Adjustment, Outcome, Profile } from '../../../shared/domain/types';
import { defaultAchievementCatalog } from '../../../shared/rules/achievements-schema';
import { profile } from '../fixtures';
import { rulesWithAchievements } from './helpers';

/**
 * Unlocks happen once per user (per tier or repeat), whatever the order in
 * which activities arrive and however an XP grant is split. Criteria reading
 * the current streak are left out of the order check: the current length on
 * the day an activity lands does depend on order, by design. Unique subjects
 * and at most 25 activities keep subject and cap refusals out of play.
 */

const NOW = new Date('2026-11-23T12:00:00Z');
type Catalog = Record<string, Record<string, unknown>>;

const fullCatalog = defaultAchievementCatalog() as Catalog;
const orderFree = Object.fromEntries(
  Object.entries(fullCatalog).filter(([, a]) => !JSON.stringify(a).includes('"streak"')),
) as Catalog;

type Step = { kind: 'activity'; activity: Activity } | { kind: 'adjustment'; adjustment: Adjustment };

const typeAndMetadata = fc.oneof(
  fc.record({
    type: fc.constant('quiz_completed'),
    metadata: fc.record({ score: fc.constantFrom(100, 80) }),
  }),
  fc.record({
    type: fc.constant('scenario_completed'),
    metadata: fc.record({
      mode: fc.constantFrom('conversation', 'roleplay'),
      fluency: fc.integer({ min: 80, max: 100 }),
      score: fc.constantFrom(100, 70),
    }),
  }),
  fc.record({
    type: fc.constantFrom('flashcard_session', 'decision_made', 'daily_login'),
    metadata: fc.constant({}),
  }),
  fc.record({
    type: fc.constantFrom('lesson_complete', 'story_completed', 'chapter_completed'),
    metadata: fc.record({ minutes: fc.integer({ min: 5, max: 45 }) }),
  }),
  fc.record({
    type: fc.constant('custom'),
    metadata: fc.record({ tag: fc.constantFrom('social', 'other') }),
  }),
);

const stepsArb = fc
  .tuple(
    fc.array(fc.tuple(typeAndMetadata, fc.integer({ min: 0, max: 47 * 60 })), {
      minLength: 1,
      maxLength: 25,
    }),
    fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 3 }),
  )
  .map(([activities, grants]): Step[] => [
    ...activities.map(
      ([{ type, metadata }, minutesAgo], i): Step => ({
        kind: 'activity',
        activity: {
          eventId: `a-${i}`,
          userId: 'user-1',
          type,
          occurredAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
          // Unique subjects: the store's marker would refuse a repeated one before the domain sees it.
          subjectId: `s-${i}`,
          metadata,
          ...(type === 'custom' && { amount: 10 }),
        },
      }),
    ),
    ...grants.map(
      (xp, i): Step => ({
        kind: 'adjustment',
        adjustment: { eventId: `g-${i}`, userId: 'user-1', xp, coins: 0, reason: 'grant' },
      }),
    ),
  ]);

function play(rules: ReturnType<typeof rulesWithAchievements>, steps: Step[]) {
  let current: Profile = profile();
  const markers: string[] = [];
  for (const step of steps) {
    const outcome: Outcome =
      step.kind === 'activity'
        ? apply(rules, current, step.activity, NOW)
        : adjust(rules, current, step.adjustment, NOW);
    if (outcome.status !== 'applied') continue;
    markers.push(...outcome.achievements.map((a) => `${a.id}#${a.times}`));
    current = outcome.profile;
  }
  return { markers, profile: current };
}

describe('unlocks happen once', () => {
  const everything = rulesWithAchievements(fullCatalog);
  // The level bonus multiplies each award by the level reached BEFORE it, so an
  // early grant makes later activities worth more: total XP (and so XP and
  // level criteria) depends on delivery order by design. Without it the
  // economy is order-free, and so must the unlocks be.
  const orderIndependent = rulesWithAchievements(orderFree, (doc) => {
    doc.multipliers.level_bonus.per_level = 0;
  });

  it('never repeats an unlock (achievement and count), in any order of delivery', () => {
    fc.assert(
      fc.property(
        stepsArb.chain((steps) => fc.shuffledSubarray(steps, { minLength: steps.length })),
        (steps) => {
          const { markers } = play(everything, steps);
          expect(new Set(markers).size).toBe(markers.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('unlocks the same set whatever the order and however the XP grants are split', () => {
    fc.assert(
      fc.property(
        stepsArb.chain((steps) =>
          fc.tuple(fc.constant(steps), fc.shuffledSubarray(steps, { minLength: steps.length })),
        ),
        ([inOrder, shuffled]) => {
          // Once-per-day refuses all but the first login of a day to arrive, so which login counts
          // (and whether it was a night-owl one) depends on order by design: left out here.
          const counted = (steps: Step[]) =>
            steps.filter((s) => s.kind !== 'activity' || s.activity.type !== 'daily_login');
          const a = play(orderIndependent, counted(inOrder));
          const b = play(orderIndependent, mergeGrants(counted(shuffled)));
          expect([...b.markers].sort()).toEqual([...a.markers].sort());
          const earned = (p: Profile) =>
            Object.fromEntries(Object.entries(p.achievements?.earned ?? {}).map(([id, e]) => [id, e[0]]));
          expect(earned(b.profile)).toEqual(earned(a.profile));
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** The same XP granted in one adjustment instead of several, placed where the first grant was. */
function mergeGrants(steps: Step[]): Step[] {
  const grants = steps.filter((s): s is Extract<Step, { kind: 'adjustment' }> => s.kind === 'adjustment');
  if (grants.length < 2) return steps;
  const total = grants.reduce((sum, g) => sum + g.adjustment.xp, 0);
  const first = steps.indexOf(grants[0] as Step);
  const rest: Step[] = steps.filter((s) => s.kind !== 'adjustment');
  rest.splice(first, 0, {
    kind: 'adjustment',
    adjustment: { ...(grants[0] as Extract<Step, { kind: 'adjustment' }>).adjustment, xp: total },
  });
  return rest;
}
