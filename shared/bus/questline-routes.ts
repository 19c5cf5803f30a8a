import { detailType as INBOUND_ACTIVITY_TYPE } from '../../events/activity-completed.v1';
import { outboundContracts } from '../../events/catalog';
import { pushedDetailTypes } from '../realtime/pushes';
import type { Rules } from '../rules/schema';
import { type BusRoute, busRoutes } from './bus-routes';

/**
 * Questline's routes for the given rules: activity.completed and every
 * inbound name the rules map, in; every pushed detail type, out to users;
 * every published one, out to webhooks.
 * The CDK stack and the local bus both build theirs with this.
 */
export function questlineBusRoutes(rules: Rules): BusRoute[] {
  return busRoutes({
    inboundDetailTypes: [INBOUND_ACTIVITY_TYPE, ...Object.keys(rules.inbound_events)],
    pushedDetailTypes,
    outboundDetailTypes: Object.keys(outboundContracts),
  });
}
