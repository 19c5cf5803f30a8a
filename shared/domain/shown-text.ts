/**
 * Free user text that other users see (monster names, leaderboard display
 * names) must read as what it is. Refused anywhere in it: control characters
 * (tabs, line breaks, NEL), lone surrogates, private-use characters, the line
 * and paragraph separators, and the bidirectional controls (embeddings,
 * overrides, isolates, marks) that can make a name display as other text,
 * e.g. "‮nimda" shown as "admin". Joiners and variation selectors stay
 * allowed: emoji need them.
 */
const UNSHOWABLE = /[\p{Cc}\p{Cs}\p{Co}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function hasUnshowableCharacters(text: string): boolean {
  return UNSHOWABLE.test(text);
}
