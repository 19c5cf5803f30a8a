import { hasUnshowableCharacters } from './shown-text';

/**
 * The name a user shows on public leaderboards: trimmed, 1 to 40 characters
 * (UTF-16 units, as the request schema and JSON Schema's maxLength count
 * them in JavaScript), and nothing that would break the layout of every board
 * that shows it or make it read as another name (shown-text.ts).
 */

export const DISPLAY_NAME_MAX = 40;

/** The name to store, or why it cannot be one. */
export function checkDisplayName(raw: string): { name: string } | { problem: string } {
  const name = raw.trim();
  if (name.length === 0) return { problem: 'must not be empty' };
  if (name.length > DISPLAY_NAME_MAX) return { problem: `must be at most ${DISPLAY_NAME_MAX} characters` };
  if (hasUnshowableCharacters(name))
    return { problem: 'must not contain control, private-use or bidirectional characters' };
  return { name };
}
