import type { Rules } from '../rules/schema';

/**
 * The title for a level. The rules schema guarantees the bands cover
 * 1..max_level without gaps, so a miss can only mean a level outside that
 * range: it gets the nearest band's title.
 */
export function titleForLevel(rules: Rules, level: number): string {
  const band = rules.titles.find((t) => level >= t.from_level && level <= t.to_level);
  if (band) return band.title;
  const first = rules.titles[0];
  const last = rules.titles[rules.titles.length - 1];
  if (first && level < first.from_level) return first.title;
  return last?.title ?? '';
}
