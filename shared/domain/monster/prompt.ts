import type { Rules } from '../../rules/schema';
import type { ItemType } from '../../rules/shop-schema';
import { catalogItem, type Monster } from './monster';
import { wornItems } from './scene-look';
import { sceneDescription } from './scenes';

/** Image generators truncate or refuse long prompts; the fixed parts take about 400 of these. */
export const MAX_PROMPT_CHARACTERS = 1500;

const INTRO = 'A cute, friendly cartoon monster in an educational setting.';
const BUILD = 'round/chubby build, big friendly hands, expressive face';
const STYLE =
  'Art style: modern digital illustration, vibrant colors, suitable for an educational app, G-rated, Pixar-like quality.';

/**
 * The text-to-image prompt for a monster in a scene. Built from catalog names
 * only (operator text): the monster's name is the user's free text and never
 * enters, and a code the catalog does not know is skipped, not echoed.
 *
 * Items are listed in catalog order, not wearing order, so the prompt depends
 * only on which items are worn: that is what makes a reorder "not visible"
 * (see looksDifferent). When the items do not all fit the length bound, the
 * ones listed last are left out.
 */
export function buildScenePrompt(rules: Rules, monster: Monster, sceneLevel: number): string {
  const color = catalogItem(rules, monster.baseColor);
  const body = color?.type === 'color' ? `${clean(color.name)} body, ${BUILD}` : BUILD;
  const fixed = [INTRO, `Physical description: ${body}.`, `Scene: ${sceneDescription(sceneLevel)}.`, STYLE];

  const groups = [
    {
      label: 'Wearing',
      names: [
        ...names(rules, monster.accessories, 'accessory'),
        ...names(rules, monster.clothing, 'clothing'),
      ],
    },
    { label: 'Features', names: names(rules, monster.features, 'feature') },
    { label: 'Pattern', names: names(rules, monster.patterns, 'pattern') },
  ];
  // Each group costs its label, ": ", "." and a joining space; each name beyond the first ", ".
  let budget = MAX_PROMPT_CHARACTERS - fixed.join(' ').length;
  const sentences: string[] = [];
  for (const group of groups) {
    const kept: string[] = [];
    for (const name of group.names) {
      const cost = kept.length === 0 ? group.label.length + 4 + name.length : name.length + 2;
      if (cost > budget) continue;
      kept.push(name);
      budget -= cost;
    }
    if (kept.length > 0) sentences.push(`${group.label}: ${kept.join(', ')}.`);
  }
  const [intro, physical, scene, style] = fixed;
  return [intro, physical, ...sentences, scene, style].join(' ');
}

/** Catalog names of a list's codes, in catalog order (see wornItems). */
function names(rules: Rules, codes: readonly string[], type: ItemType): string[] {
  return wornItems(rules, codes, type).map(({ item }) => clean(item.name));
}

/** Catalog names are trusted but may hold stray whitespace; a prompt is one line. */
function clean(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}
