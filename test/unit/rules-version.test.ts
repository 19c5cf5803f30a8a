import { describe, expect, it } from 'vitest';
import defaultRulesJson from '../../shared/rules/default-rules.json';
import { parseRules } from '../../shared/rules/load';
import { canonicalJson, rulesVersionOf } from '../../shared/rules/version';

const copy = () => JSON.parse(JSON.stringify(defaultRulesJson));

/** The same document with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe('rulesVersionOf: what the rules say, as a short hash, and the label', () => {
  const base = rulesVersionOf(parseRules(copy()));

  it('is r and 16 hex digits, the same for the same document parsed twice', () => {
    expect(base.id).toMatch(/^r[0-9a-f]{16}$/);
    expect(rulesVersionOf(parseRules(copy())).id).toBe(base.id);
    expect(base).not.toHaveProperty('label');
  });

  it('ignores key order, formatting and the label', () => {
    const reordered = parseRules(JSON.parse(JSON.stringify(reversedKeys(copy()), null, 2)));
    expect(rulesVersionOf(reordered).id).toBe(base.id);
    const labelled = rulesVersionOf(parseRules({ ...copy(), label: '2026-12 economy' }));
    expect(labelled).toEqual({ id: base.id, label: '2026-12 economy' });
  });

  it('changes with any value: an activity worth more, a lower cap', () => {
    const richer = copy();
    richer.activities.lesson_complete.xp += 1;
    const capped = copy();
    capped.limits.max_adjustment -= 1;
    const ids = [rulesVersionOf(parseRules(richer)).id, rulesVersionOf(parseRules(capped)).id];
    expect(new Set([base.id, ...ids]).size).toBe(3);
  });

  it('refuses a label that is empty or too long', () => {
    expect(() => parseRules({ ...copy(), label: ' ' })).toThrow(/label/);
    expect(() => parseRules({ ...copy(), label: 'x'.repeat(81) })).toThrow(/label/);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, e: null }, 'x'] })).toBe(
      '{"a":[{"d":2,"e":null},"x"],"b":1}',
    );
  });
});
