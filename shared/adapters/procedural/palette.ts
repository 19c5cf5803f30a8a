import { createHash } from 'node:crypto';

/**
 * Colours of the procedural renderer. The shipped colour items have their
 * own; any other code (an operator's catalog) gets a colour derived from its
 * code, so it is stable across renders and distinct from its neighbours.
 */
const bodyColors: Readonly<Record<string, string>> = {
  color_orange: '#ff8c2b',
  color_green: '#6fae4a',
  color_blue: '#5bb8f0',
  color_pink: '#ff7eb6',
  color_yellow: '#ffd23f',
  color_purple: '#8e5bb5',
  color_teal: '#2bb5a5',
  color_midnight: '#2c3e8c',
  color_gold: '#e0b43a',
};

/** Whether a colour code has a colour of its own (the shipped catalog's do). */
export function hasOwnColor(code: string): boolean {
  return Object.hasOwn(bodyColors, code);
}

export function bodyColor(code: string): string {
  return Object.hasOwn(bodyColors, code) ? (bodyColors[code] as string) : colorOf(code);
}

/** A saturated, mid-light colour from a code's hash: the same code, the same colour. */
export function colorOf(code: string, lightness = 58): string {
  const hue = createHash('sha256').update(code).digest().readUInt16BE(0) % 360;
  return `hsl(${hue} 70% ${lightness}%)`;
}

/** The body colour darkened, for outlines, bellies and shading (hex colours only; others pass through). */
export function shade(color: string, factor: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return color;
  const channel = (i: number) =>
    Math.max(0, Math.min(255, Math.round(Number.parseInt(hex.slice(i, i + 2), 16) * factor)))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(2)}${channel(4)}`;
}
