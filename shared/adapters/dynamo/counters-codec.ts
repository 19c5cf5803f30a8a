import * as z from 'zod';
import type { ActivityCounters, Profile } from '../../domain/types';
import { jsonString } from './json-attribute';

/**
 * The cap counters on the profile item, which is written on every activity.
 * Keys are UTC hours ("2026-11-23T15") and local dates ("2026-11-23"): stored
 * as numbers (hours or days since 1970), ascending and delta-encoded, each
 * followed by its count: [first, count, gap, count, ...]. About half the
 * bytes of the plain JSON. Counters with a key that does not round-trip
 * (never made by the domain) are stored as plain JSON, which is read too.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const hourOf = (key: string) => Date.parse(`${key}:00:00Z`) / HOUR_MS;
const hourKey = (n: number) => new Date(n * HOUR_MS).toISOString().slice(0, 13);
const dayOf = (key: string) => Date.parse(`${key}T00:00:00Z`) / DAY_MS;
const dayKey = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

type Packed = Record<string, [hours: number[], days: number[]]>;

function pack(counts: Record<string, number>, toNumber: (key: string) => number): number[] | null {
  const entries = Object.entries(counts).map(([key, count]) => [toNumber(key), count, key] as const);
  entries.sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  let previous = 0;
  for (const [n, count] of entries) {
    if (!Number.isInteger(n)) return null;
    flat.push(n - previous, count);
    previous = n;
  }
  return flat;
}

function unpack(flat: readonly number[], toKey: (n: number) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  let n = 0;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    n += flat[i] ?? 0;
    counts[toKey(n)] = flat[i + 1] ?? 0;
  }
  return counts;
}

/** The counters attribute: packed when every key round-trips, plain JSON otherwise. */
export function countersAttribute(counters: Profile['counters']): string {
  const packed: Packed = {};
  for (const [type, c] of Object.entries(counters)) {
    const hours = pack(c.hours, hourOf);
    const days = pack(c.days, dayOf);
    if (!hours || !days) return JSON.stringify(counters);
    packed[type] = [hours, days];
  }
  const back = unpackCounters(packed);
  return JSON.stringify(sameCounters(back, counters) ? packed : counters);
}

function unpackCounters(packed: Packed): Profile['counters'] {
  const counters: Profile['counters'] = {};
  for (const [type, [hours, days]] of Object.entries(packed)) {
    counters[type] = { hours: unpack(hours, hourKey), days: unpack(days, dayKey) };
  }
  return counters;
}

function sameCounters(a: Profile['counters'], b: Profile['counters']): boolean {
  const canonical = (c: Profile['counters']) =>
    JSON.stringify(
      Object.entries(c)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([type, v]) => [type, Object.entries(v.hours).sort(), Object.entries(v.days).sort()]),
    );
  return canonical(a) === canonical(b);
}

const count = z.number().int().min(0);
const plainSchema = z.record(
  z.string(),
  z.object({ hours: z.record(z.string(), count), days: z.record(z.string(), count) }),
);
const flatSchema = z
  .array(z.number().int())
  .refine((flat) => flat.length % 2 === 0, 'pairs of gap and count');
const packedSchema = z.record(z.string(), z.tuple([flatSchema, flatSchema]));

/** Parses either form of the counters attribute into the domain's counters. */
export const countersField = jsonString(
  z.union([
    packedSchema.transform((packed): Record<string, ActivityCounters> => unpackCounters(packed)),
    plainSchema,
  ]),
);
