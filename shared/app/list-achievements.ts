import { type CatalogItem, viewCatalog } from '../domain/achievements/views';
import type { Rules } from '../rules/schema';

/**
 * GET /v1/achievements: the catalog, hidden ones masked. Rules only, no store:
 * unlock statistics are not kept yet, so rarity percentages are not offered
 * (the presenter leaves them out rather than show zeros as if they were facts).
 */
export function makeListAchievements(deps: { rules: Rules }): () => CatalogItem[] {
  const catalog = viewCatalog(deps.rules, { users: 0, unlocks: {} });
  return () => catalog;
}
