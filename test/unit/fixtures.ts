import { expect } from 'vitest';
import { newProfile } from '../../shared/domain/profile';
import type {
  Activity,
  AppliedOutcome,
  LedgerEntry,
  Outcome,
  Profile,
  RefusedOutcome,
} from '../../shared/domain/types';
import defaultRulesJson from '../../shared/rules/default-rules.json';
import { InvalidRulesError, parseRules } from '../../shared/rules/load';
import type { Rules, RulesInput } from '../../shared/rules/schema';

/** Shared arrange helpers for the domain tests (not a test file itself). */

export const NOW = new Date('2026-11-23T12:00:00.000Z');

/** The default rules document, as a fresh mutable copy to edit per test. */
export function rulesDocument(): RulesInput {
  return structuredClone(defaultRulesJson) as RulesInput;
}

/** Default rules with an edit applied, parsed by the real schema. */
export function rulesWith(edit: (doc: RulesInput) => void): Rules {
  const doc = rulesDocument();
  edit(doc);
  return parseRules(doc, 'test');
}

export function profile(overrides: Partial<Profile> = {}): Profile {
  return { ...newProfile('user-1', NOW), version: 3, ...overrides };
}

let sequence = 0;

export function activity(type: string, overrides: Partial<Activity> = {}): Activity {
  sequence += 1;
  return { eventId: `evt-${sequence}`, userId: 'user-1', type, occurredAt: NOW.toISOString(), ...overrides };
}

export function expectApplied(outcome: Outcome): AppliedOutcome {
  if (outcome.status !== 'applied') {
    throw new Error(`expected an applied outcome, got ${outcome.reason}: ${outcome.message}`);
  }
  return outcome;
}

export function expectRefused(outcome: Outcome, reason: RefusedOutcome['reason']): RefusedOutcome {
  expect(outcome).toMatchObject({ status: 'refused', reason });
  return outcome as RefusedOutcome;
}

/** An ISO instant `minutes` after (or before, if negative) `from`. */
export function at(from: Date | string, minutes: number): string {
  return new Date(new Date(from).getTime() + minutes * 60_000).toISOString();
}

/**
 * The multiplied award of an entry: its xp and coins less the fixed rewards
 * listed in its bonuses (achievements the default catalog unlocks, streak
 * milestones), which are never multiplied.
 */
export function awardPart(entry: LedgerEntry): Pick<LedgerEntry, 'multiplier' | 'xp' | 'coins'> {
  const bonuses = entry.bonuses ?? [];
  return {
    multiplier: entry.multiplier,
    xp: entry.xp - bonuses.reduce((sum, b) => sum + b.xp, 0),
    coins: entry.coins - bonuses.reduce((sum, b) => sum + b.coins, 0),
  };
}

/**
 * The issues of a default rules document after `edit`, which must make it
 * invalid (a document that still parses fails the test).
 */
export function rulesIssuesAfter(edit: (doc: RulesInput & Record<string, unknown>) => void) {
  const doc = rulesDocument() as RulesInput & Record<string, unknown>;
  edit(doc);
  try {
    parseRules(doc, 'test');
  } catch (error) {
    if (error instanceof InvalidRulesError) return error.issues;
    throw error;
  }
  throw new Error('expected the rules to be refused');
}
