import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityInputSchema, toActivity } from '../../events/activity-completed.v1';
import { contractFor, isOutboundDetailType, outboundContracts } from '../../events/catalog';
import { EVENT_SOURCE, envelopeSchema, toEnvelope } from '../../events/envelope';
import { adjust } from '../../shared/domain/adjust';
import { apply } from '../../shared/domain/apply';
import type { Outcome } from '../../shared/domain/types';
import { defaultRules } from '../../shared/rules/load';
import { expectApplied, profile } from './fixtures';

const rules = defaultRules();

const samplesDir = join(import.meta.dirname, '../../events/samples');

function sample(name: string): unknown {
  return JSON.parse(readFileSync(join(samplesDir, `${name}.json`), 'utf8'));
}

function expectContractsHold(outcome: Outcome) {
  if (outcome.status !== 'applied') return;
  for (const event of outcome.events) {
    expect(isOutboundDetailType(event.detailType)).toBe(true);
    expect(contractFor(event.detailType).schema.parse(event.data)).toEqual(event.data);
  }
}

describe('event contracts', () => {
  it('has one sample per contract, inbound and outbound', () => {
    const names = readdirSync(samplesDir).map((f) => f.replace(/\.json$/, ''));
    expect(names.sort()).toEqual([...Object.keys(outboundContracts), 'activity.completed'].sort());
  });

  it.each(Object.values(outboundContracts))(
    'the $detailType sample validates in its envelope',
    (contract) => {
      const parsed = envelopeSchema(contract.schema).parse(sample(contract.detailType));
      expect(parsed.metadata).toMatchObject({ type: contract.detailType, version: 1, source: EVENT_SOURCE });
    },
  );

  it('the activity.completed sample validates', () => {
    expect(activityInputSchema.safeParse(sample('activity.completed')).success).toBe(true);
  });

  it('rejects an envelope from another source or with unknown data fields', () => {
    const points = sample('points.awarded') as {
      metadata: Record<string, unknown>;
      data: Record<string, unknown>;
    };
    const schema = envelopeSchema(outboundContracts['points.awarded'].schema);
    expect(schema.safeParse({ ...points, metadata: { ...points.metadata, source: 'other' } }).success).toBe(
      false,
    );
    expect(schema.safeParse({ ...points, data: { ...points.data, bonus: 1 } }).success).toBe(false);
  });

  it('refuses a detail type outside the catalog', () => {
    expect(isOutboundDetailType('achievement.exploded')).toBe(false);
    expect(() => contractFor('toString')).toThrow(/no outbound contract/);
  });

  it('the samples are exactly what the domain emits for the sample activity', () => {
    const input = activityInputSchema.parse(sample('activity.completed'));
    const activity = toActivity(input);
    const now = new Date(activity.occurredAt);
    const before = profile({
      userId: input.user_id,
      xp: 950,
      coins: 200,
      level: 7,
      sceneLevel: 2,
      vipTier: 'standard',
      // a level-7 user was paid "Rising Star" (level 5) on the way; level 10 is still ahead
      achievements: { counts: {}, subjects: {}, matches: {}, earned: { level_5: [1, 1_763_000_000] } },
    });
    const outcome = expectApplied(apply(rules, before, activity, now));
    const envelopes = outcome.events.map((event, index) =>
      toEnvelope(event, {
        version: contractFor(event.detailType).version,
        correlationId: outcome.eventId,
        userId: outcome.userId,
        occurredAt: outcome.entry.recordedAt,
        index,
      }),
    );
    expect(envelopes).toEqual([
      sample('points.awarded'),
      sample('level.up'),
      sample('milestone.reached'),
      sample('streak.updated'),
    ]);
  });
});

describe('emitted events match their contracts', () => {
  const types = Object.keys(rules.activities);
  const now = new Date('2026-11-23T12:00:00Z');

  it('for any activity on any profile', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.nat({ max: 700_000_000 }),
        fc.nat({ max: 1_000_000 }),
        fc.constantFrom('none', 'standard', 'premium' as const),
        fc.integer({ min: 1, max: 500 }),
        (type, xp, coins, vipTier, amount) => {
          const start = profile({ xp, coins, vipTier, level: 1, sceneLevel: 0 });
          const needsAmount = rules.activities[type]?.variable !== undefined;
          const outcome = apply(
            rules,
            start,
            {
              eventId: 'e-1',
              userId: 'user-1',
              type,
              occurredAt: now.toISOString(),
              subjectId: 's-1',
              ...(needsAmount && { amount }),
            },
            now,
          );
          expect(outcome.status).toBe('applied');
          expectContractsHold(outcome);
        },
      ),
    );
  });

  it('for any adjustment', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 5000 }), fc.integer({ min: -500, max: 5000 }), (xp, coins) => {
        fc.pre(xp !== 0 || coins !== 0);
        const outcome = adjust(
          rules,
          profile({ xp: 500, coins: 500 }),
          { eventId: 'a', userId: 'user-1', xp, coins, reason: 'r' },
          now,
        );
        expectContractsHold(outcome);
      }),
    );
  });
});

describe('envelope ids', () => {
  const wrap = (userId: string, correlationId: string, index: number) =>
    toEnvelope({ detailType: 'reward.redeemed', data: {} } as Parameters<typeof toEnvelope>[0], {
      version: 1,
      correlationId,
      userId,
      occurredAt: '2026-12-04T10:00:00.000Z',
      index,
    }).metadata;

  it("differ between two users whose causes share an id (the README's Idempotency-Key: stickers-1)", () => {
    const ada = wrap('ada', 'stickers-1', 0);
    const bob = wrap('bob', 'stickers-1', 0);
    expect(ada.id).not.toBe(bob.id);
    // the correlation id stays the cause's own id
    expect([ada.correlation_id, bob.correlation_id]).toEqual(['stickers-1', 'stickers-1']);
  });

  it('are the same on a retry and differ by position, whatever the ids look like', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        fc.nat(50),
        (user, cause, index) => {
          const id = wrap(user, cause, index).id;
          expect(wrap(user, cause, index).id).toBe(id);
          expect(wrap(user, cause, index + 1).id).not.toBe(id);
          expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
        },
      ),
    );
  });

  it('do not collide when user and cause ids shift characters between them', () => {
    expect(wrap('ab', 'c', 0).id).not.toBe(wrap('a', 'bc', 0).id);
  });
});
