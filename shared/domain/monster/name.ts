import { hasUnshowableCharacters } from '../shown-text';

/**
 * The monster's name is free user text shown in the app, so it must be a
 * single printable line: 1-40 characters after trimming, any script, digits,
 * punctuation and emoji allowed.
 *
 * Characters are counted as code points, not graphemes: that bounds the
 * stored size (a single grapheme can carry any number of combining marks),
 * at the price of a joined emoji such as a family counting as several.
 */
export const MAX_NAME_CHARACTERS = 40;

/** Something visible must remain: a name of only zero-width characters reads as empty. */
const visible = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** The trimmed name, or why it is refused. */
export function checkMonsterName(raw: string): { name: string } | { problem: string } {
  // Checked before trimming: a leading or trailing line break is refused, not silently dropped.
  if (hasUnshowableCharacters(raw)) return { problem: 'must be one line of printable characters' };
  const name = raw.trim();
  let length = 0;
  for (const _ of name) {
    length += 1;
    // Stops early so a 10 KB name costs no more than a long one.
    if (length > MAX_NAME_CHARACTERS) return { problem: `must be at most ${MAX_NAME_CHARACTERS} characters` };
  }
  if (length === 0 || !visible.test(name)) return { problem: 'must not be empty' };
  return { name };
}
