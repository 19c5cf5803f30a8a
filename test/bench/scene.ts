import { webpRenditions } from '../../shared/adapters/procedural/renditions';
import { sceneSvg } from '../../shared/adapters/procedural/scene-svg';
import type { SceneLook } from '../../shared/domain/monster/scene-look';
import { defaultRules } from '../../shared/rules/load';

/**
 * `npm run bench -- scene`: the procedural renderer and sharp, per scene
 * (the SVG, then WebP at 1024, 512 and 200), one scene at a time as a
 * workflow task renders it. Looks cycle through every level and the shipped
 * catalog's parts. Goal (DESIGN.md): under 500 ms a scene.
 */

const SCENES = 60;
const WARM_UP = 5;

const codesOf = (type: string) =>
  Object.entries(defaultRules().shop.items)
    .filter(([, item]) => item.type === type)
    .map(([code]) => code);
const pick = (codes: string[], i: number, count: number) =>
  Array.from({ length: count }, (_, k) => codes[(i * 7 + k * 3) % codes.length] as string);

function lookOf(i: number): SceneLook {
  return {
    level: i % 7,
    color: pick(codesOf('color'), i, 1)[0] as string,
    accessories: pick(codesOf('accessory'), i, i % 4),
    clothing: pick(codesOf('clothing'), i, i % 2),
    features: pick(codesOf('feature'), i, i % 3),
    patterns: pick(codesOf('pattern'), i, i % 2),
  };
}

const timings: number[] = [];
let bytes = 0;
for (let i = 0; i < WARM_UP + SCENES; i++) {
  const started = performance.now();
  const renditions = await webpRenditions(sceneSvg(lookOf(i)));
  const elapsed = performance.now() - started;
  if (i >= WARM_UP) {
    timings.push(elapsed);
    bytes += renditions.reduce((sum, r) => sum + r.bytes.length, 0);
  }
}
timings.sort((a, b) => a - b);
const at = (q: number) =>
  (timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0).toFixed(1);
console.log(`procedural scene + sharp (SVG -> WebP 1024/512/200), ${SCENES} scenes one at a time`);
console.log(`  ms per scene  p50 ${at(0.5)}  p95 ${at(0.95)}  max ${at(1)}`);
console.log(`  bytes per scene (three renditions)  mean ${Math.round(bytes / SCENES).toLocaleString('en')}`);
console.log(`  goal under 500 ms a scene: ${Number(at(0.95)) < 500 ? 'met' : 'NOT met'} (p95)`);

console.log('');
await import('./scene-jobs');
