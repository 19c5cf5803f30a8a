import type { BusRoute } from '../bus/bus-routes';
import { questlineBusRoutes } from '../bus/questline-routes';
import { loadActiveRules } from '../rules/active-rules';

/**
 * The local bus's routes: the same as the CDK rules, for the rules this
 * runtime runs with (the `--rules` file's document, else the defaults).
 */
export function localBusRoutes(rulesJson: string | undefined): BusRoute[] {
  return questlineBusRoutes(loadActiveRules({ QUESTLINE_RULES_JSON: rulesJson }));
}
