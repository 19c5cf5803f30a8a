import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { AppDeps } from '../../shared/app/deps';
import type { Activity, Adjustment } from '../../shared/domain/types';
import type { GameStore } from '../../shared/ports/game';
import type { Clock } from '../../shared/ports/operations';
import defaultRulesJson from '../../shared/rules/default-rules.json';
import { parseRules } from '../../shared/rules/load';
import type { Rules, RulesInput } from '../../shared/rules/schema';
import { recentDaytimeIso } from './daytime';

/** Arrange helpers for tests that run use cases against DynamoDB Local. */

/** Default rules with an edit applied, parsed by the real schema. */
export function rulesWith(edit: (doc: RulesInput) => void = () => undefined): Rules {
  const doc = structuredClone(defaultRulesJson) as RulesInput;
  edit(doc);
  return parseRules(doc, 'test');
}

/**
 * Default rules without caps, once-per-day or level bonus: the tests measure
 * the store and the use cases, so every award is its plain base amount and
 * totals are plain sums.
 */
export const flatRules: Rules = rulesWith((doc) => {
  for (const activity of Object.values(doc.activities)) {
    activity.caps = {};
    activity.once_per_day = false;
  }
  doc.multipliers.level_bonus.per_level = 0;
});

/**
 * Starts at `start` and moves 1 ms per reading, so records written one after
 * another get distinct, ordered instants (the ledger sorts by them).
 */
export function steppingClock(start = new Date()): Clock {
  let ms = start.getTime();
  return { now: () => new Date(ms++) };
}

export function depsFor(store: GameStore, overrides: Partial<AppDeps> = {}): AppDeps {
  return { store, rules: flatRules, clock: steppingClock(), ...overrides };
}

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID()}`;

/**
 * A recent activity for a given user: a minute ago by day, the last 21:00 UTC
 * by night (see recentDaytime), so no time-of-day achievement adds to totals.
 */
export function activityFor(userId: string, type: string, overrides: Partial<Activity> = {}): Activity {
  return {
    eventId: uniqueId('evt'),
    userId,
    type,
    occurredAt: recentDaytimeIso(),
    ...overrides,
  };
}

export function adjustmentFor(userId: string, xp: number, coins: number, reason = 'test grant'): Adjustment {
  return { eventId: uniqueId('adj'), userId, xp, coins, reason };
}

/** Every item in the table, to prove what a call did or did not write. */
export async function scanAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The reward of a non-tiered achievement of `rules` (the default catalog in flatRules). */
export function rewardOf(rules: Rules, achievementId: string): { xp: number; coins: number } {
  const definition = rules.achievements[achievementId];
  if (!definition || !('reward' in definition)) throw new Error(`no single reward for ${achievementId}`);
  return definition.reward;
}
