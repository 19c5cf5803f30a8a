import { EVENT_SOURCE } from '../../events/envelope';
import { detailType as MILESTONE_REACHED } from '../../events/milestone-reached.v1';
import type { SceneAccess } from '../http/define-route';
import type { TableAccess } from '../table-access';

/**
 * The bus's routing table: read by the CDK stateless stack (one EventBridge
 * rule each) and by the local runtime's bus (same patterns, same targets).
 * Add a route here and both pick it up.
 *
 * Patterns use the EventBridge subset both sides implement: a list of exact
 * values, or `{ anythingBut: [...] }`.
 */

export type ValueMatcher = readonly string[] | { anythingBut: readonly string[] };

export interface BusRoute {
  /** stable name: the rule's logical id */
  id: string;
  description: string;
  pattern: { source: ValueMatcher; detailType: ValueMatcher };
  /** what the target may do with the table (CDK grants exactly this) */
  table: TableAccess;
  /** what the target does with monster scenes (see shared/http/define-route.ts) */
  scenes?: SceneAccess;
  target:
    | {
        /** through an SQS queue (with a DLQ) to a batch consumer, for work that must not be lost */
        kind: 'queue';
        entry: string;
        /** deliveries before a message goes to the DLQ */
        maxReceiveCount: number;
        /** the function's timeout, when a batch may take longer than the default 10 s */
        timeoutSeconds?: number;
        /**
         * the consumer puts delayed messages on its own queue (retries later):
         * it gets the queue's and the DLQ's URLs and may send to both, and the
         * queue's age is no lag alarm (a delayed message is old on purpose)
         */
        schedulesOwnMessages?: boolean;
      }
    | {
        /** invoked asynchronously, for fire-and-forget work */
        kind: 'function';
        entry: string;
      };
}

/** Does an event's field match? */
export function matchesValue(matcher: ValueMatcher, value: string): boolean {
  return 'anythingBut' in matcher ? !matcher.anythingBut.includes(value) : matcher.includes(value);
}

export function matchesRoute(route: BusRoute, event: { source: string; detailType: string }): boolean {
  return (
    matchesValue(route.pattern.source, event.source) &&
    matchesValue(route.pattern.detailType, event.detailType)
  );
}

/**
 * Deliveries of an inbound event before SQS moves it to the dead-letter
 * queue; the consumer counts the ones that fail their last.
 */
export const INBOUND_MAX_RECEIVES = 3;

/** A webhook message fails only on a store or queue error (a receiver's failure is retried by schedule). */
export const WEBHOOK_MAX_RECEIVES = 5;

/**
 * Built from the inbound event names and the pushed detail types, so the
 * routes follow the rules and the realtime contract without a second list.
 */
export function busRoutes(opts: {
  inboundDetailTypes: readonly string[];
  pushedDetailTypes: readonly string[];
  /** every detail type Questline publishes: what webhooks may carry */
  outboundDetailTypes: readonly string[];
}): BusRoute[] {
  return [
    {
      id: 'ActivitiesIn',
      description: 'Activities other services report (activity.completed and the mapped names) -> apply',
      // Questline's own events never come back in as activities.
      pattern: { source: { anythingBut: [EVENT_SOURCE] }, detailType: opts.inboundDetailTypes },
      // applying activities writes the ledger
      table: 'read-write',
      target: {
        kind: 'queue',
        entry: 'functions/queue/apply-activities.ts',
        maxReceiveCount: INBOUND_MAX_RECEIVES,
      },
    },
    {
      id: 'PushToUsers',
      description: "A user's outcome events -> the realtime notifier (WebSocket pushes)",
      pattern: { source: [EVENT_SOURCE], detailType: opts.pushedDetailTypes },
      // only the connection items: granted with their partitions by the WebSocket construct
      table: 'none',
      target: { kind: 'function', entry: 'functions/events/notify.ts' },
    },
    {
      id: 'ScenesOnMilestone',
      description: "An XP milestone crossed -> the new scene level's scene (the scene workflow)",
      pattern: { source: [EVENT_SOURCE], detailType: [MILESTONE_REACHED] },
      // starting a milestone's scene writes its job
      table: 'read-write',
      scenes: 'start',
      target: { kind: 'function', entry: 'functions/events/start-milestone-scene.ts' },
    },
    {
      id: 'WebhooksOut',
      description: "Questline's events -> the products' webhook endpoints (signed POSTs, retried for a day)",
      pattern: { source: [EVENT_SOURCE], detailType: opts.outboundDetailTypes },
      // the endpoints and their delivery logs
      table: 'read-write',
      target: {
        kind: 'queue',
        entry: 'functions/queue/deliver-webhooks.ts',
        maxReceiveCount: WEBHOOK_MAX_RECEIVES,
        // a batch's posts run side by side, each 10 s at most
        timeoutSeconds: 60,
        schedulesOwnMessages: true,
      },
    },
  ];
}
