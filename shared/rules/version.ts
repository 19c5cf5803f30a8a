import { createHash } from 'node:crypto';
import type { Rules } from './schema';

/**
 * A rules document's version: a hash of what the rules say, and the
 * operator's optional label for humans. The hash covers the parsed document
 * (defaults filled in) with its keys in a canonical order and without the
 * label, so reformatting a file, reordering its keys or relabelling it keeps
 * the version, and any change to a value changes it.
 */
export interface RulesVersion {
  /** `r` and the first 16 hex digits of the SHA-256 of the canonical document */
  id: string;
  label?: string;
}

const versions = new WeakMap<Rules, RulesVersion>();

/** The version of these rules: computed once per rules object (cold start), then remembered. */
export function rulesVersionOf(rules: Rules): RulesVersion {
  const known = versions.get(rules);
  if (known) return known;
  const { label, ...content } = rules;
  const digest = createHash('sha256').update(canonicalJson(content)).digest('hex');
  const version: RulesVersion = { id: `r${digest.slice(0, 16)}`, ...(label !== undefined && { label }) };
  versions.set(rules, version);
  return version;
}

/** JSON with every object's keys sorted: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
