import type { Rules } from '../../rules/schema';
import type { ItemType } from '../../rules/shop-schema';
import { type FieldIssue, ValidationError } from '../errors';
import {
  catalogItem,
  listItemType,
  looksDifferent,
  type Monster,
  type MonsterInput,
  type MonsterList,
  monsterLists,
} from './monster';
import { checkMonsterName } from './name';

/**
 * Past this many issues the rest are summarized in one: a body with thousands
 * of bad codes must not turn into an error response thousands of lines long.
 */
const MAX_ISSUES = 20;

export interface MonsterUpdate {
  monster: Monster;
  /** the look changed (color or any list as a set); a rename alone never counts */
  needsSceneRegeneration: boolean;
}

/**
 * Applies a validated PUT body to the current monster. Every present field is
 * checked against the catalog and the user's unlocked items (`unlocked`: item
 * codes the user may use), including codes the monster already wears: a
 * request that keeps an item the user can no longer use is refused, naming it.
 * All issues are reported together in one ValidationError.
 *
 * The version is kept as read (the store bumps it on write); updatedAt is now.
 */
export function applyMonsterUpdate(
  rules: Rules,
  current: Monster,
  input: MonsterInput,
  unlocked: ReadonlySet<string>,
  now: Date,
): MonsterUpdate {
  const issues: FieldIssue[] = [];
  // Lists copied so the result shares no array with `current` or `input`.
  const next: Monster = {
    ...current,
    accessories: [...current.accessories],
    clothing: [...current.clothing],
    features: [...current.features],
    patterns: [...current.patterns],
    updatedAt: now.toISOString(),
  };

  if (input.name !== undefined) {
    const checked = checkMonsterName(input.name);
    if ('problem' in checked) issues.push({ field: 'name', message: checked.problem });
    else next.name = checked.name;
  }
  if (input.base_color !== undefined) {
    const problem = itemProblem(rules, input.base_color, 'color', unlocked);
    if (problem) issues.push({ field: 'base_color', message: problem });
    else next.baseColor = input.base_color;
  }
  for (const list of monsterLists) {
    const codes = input[list];
    if (codes === undefined) continue;
    issues.push(...listIssues(rules, list, codes, unlocked));
    next[list] = [...codes];
  }

  if (issues.length > 0) throw new ValidationError(bounded(issues));
  return { monster: next, needsSceneRegeneration: looksDifferent(current, next) };
}

function listIssues(
  rules: Rules,
  list: MonsterList,
  codes: readonly string[],
  unlocked: ReadonlySet<string>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const max = rules.shop.monster.max_accessories;
  if (list === 'accessories' && codes.length > max) {
    issues.push({ field: list, message: `at most ${max} accessories` });
  }
  const firstIndex = new Map<string, number>();
  codes.forEach((code, index) => {
    const field = `${list}[${index}]`;
    const earlier = firstIndex.get(code);
    if (earlier !== undefined) {
      issues.push({ field, message: `duplicate of ${list}[${earlier}]` });
      return;
    }
    firstIndex.set(code, index);
    const problem = itemProblem(rules, code, listItemType[list], unlocked);
    if (problem) issues.push({ field, message: problem });
  });
  return issues;
}

const typeLabel: Readonly<Record<ItemType, string>> = {
  accessory: 'an accessory',
  clothing: 'clothing',
  feature: 'a feature',
  color: 'a color',
  pattern: 'a pattern',
};

/** Why a code cannot be used where an item of `type` is expected, or null. Never echoes the code. */
function itemProblem(
  rules: Rules,
  code: string,
  type: ItemType,
  unlocked: ReadonlySet<string>,
): string | null {
  const item = catalogItem(rules, code);
  if (!item) return 'unknown item';
  if (item.type !== type) return `not ${typeLabel[type]} (it is ${typeLabel[item.type]})`;
  if (!unlocked.has(code)) return 'item not unlocked';
  return null;
}

function bounded(issues: FieldIssue[]): FieldIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const kept = issues.slice(0, MAX_ISSUES - 1);
  const rest = issues.length - kept.length;
  // Named after the first issue left out, so the field still points at where to look.
  return [...kept, { field: issues[kept.length]?.field ?? 'body', message: `and ${rest} more issues` }];
}
