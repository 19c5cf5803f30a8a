import { describe, expect, it } from 'vitest';
import { loadActiveRules } from '../../shared/rules/active-rules';
import { defaultRules, InvalidRulesError, parseRules } from '../../shared/rules/load';

describe('loadActiveRules (cold start)', () => {
  it('uses the default rules when none are inlined', () => {
    expect(loadActiveRules({})).toBe(defaultRules());
  });

  it('parses inlined rules, applying schema defaults', () => {
    const custom = structuredClone(defaultRules());
    const lesson = custom.activities.lesson_complete;
    if (!lesson) throw new Error('the default rules define lesson_complete');
    custom.activities.lesson_complete = { ...lesson, xp: 40 };
    const rules = loadActiveRules({ QUESTLINE_RULES_JSON: JSON.stringify(custom) });
    expect(rules.activities.lesson_complete?.xp).toBe(40);
    expect(rules.activities.daily_login?.once_per_day).toBe(true);
  });

  it('fails naming the offending field when inlined rules are invalid', () => {
    const broken = structuredClone(defaultRules()) as unknown as { levels: { growth: number } };
    broken.levels.growth = 7;
    const load = () => loadActiveRules({ QUESTLINE_RULES_JSON: JSON.stringify(broken) });
    expect(load).toThrow(InvalidRulesError);
    expect(load).toThrow(/levels\.growth/);
  });

  it('fails clearly when the inlined rules are not JSON', () => {
    expect(() => loadActiveRules({ QUESTLINE_RULES_JSON: '{nope' })).toThrow(/not valid JSON/);
  });
});

describe('parseRules field naming', () => {
  it('names each unknown field by its full path', () => {
    const doc = structuredClone(defaultRules()) as unknown as { levels: Record<string, unknown> };
    doc.levels.grwoth = 1.2;
    expect(() => parseRules(doc, 'test')).toThrow(/levels\.grwoth: unknown field/);
  });

  it('rejects a level curve whose XP totals cannot be counted exactly', () => {
    const doc = structuredClone(defaultRules());
    doc.levels = { base_xp: 100, growth: 2, max_level: 1000 };
    doc.titles = [{ from_level: 1, to_level: 1000, title: 'Everyone' }];
    expect(() => parseRules(doc, 'test')).toThrow(/levels\.max_level/);
  });
});
