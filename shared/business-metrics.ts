/**
 * The business metrics operators watch (seed 000 s14), in one namespace with
 * one constant dimension (`service: questline`) so each is a single series
 * whichever function emits it; only refusals carry a second, bounded
 * dimension (the rules' refusal code). Read by the emitter
 * (shared/observability.ts), the use cases (through the port) and the CDK
 * dashboard, so a metric on the dashboard is one the code emits.
 */

export const METRICS_NAMESPACE = 'Questline';
export const METRICS_SERVICE = 'questline';

export const businessMetrics = {
  ActivitiesApplied: 'activities applied (new outcomes, not replays)',
  ActivitiesRefused: 'activities the rules refused, by reason (cap_reached, already_done_today, ...)',
  Duplicates: 'requests replaying an event id already applied (answered with the first outcome)',
  ContentionRetries: 'writes that lost a race on a profile version and were tried again',
  ContentionConflicts: 'requests whose retry budget ran out: 409 contention (or a redelivery)',
  XpAwarded: 'XP awarded by activities and adjustments',
  CoinsAwarded: 'coins awarded by activities and adjustments',
  CoinsSpent: 'coins spent in the shop and on rewards',
  AchievementsUnlocked: 'achievements unlocked',
  Purchases: 'shop items and streak freezes bought',
  Redemptions: 'rewards redeemed',
  PushesSent: 'WebSocket frames delivered',
  PushesGone: 'pushes to connections that had closed (forgotten at once)',
  PushesFailed: 'pushes that failed otherwise (logged, not retried)',
  EventsPublished: 'outcome events put on the bus',
  EventsRefused: 'outcome events EventBridge refused after retries (the batch is retried)',
  EventsDropped: 'outcome events that broke their contract and were never published',
  InboundInvalid: 'inbound bus events rejected as unusable (bad JSON, unknown type, invalid detail)',
  InboundDeadLettered: 'inbound bus events that failed their last delivery and went to the dead-letter queue',
  WebhooksDelivered: 'webhook deliveries an endpoint accepted (2xx)',
  WebhookAttemptsFailed:
    'webhook attempts that failed (an error status, a timeout, a refused address); retried',
  WebhookEndpointsDisabled: 'webhook endpoints disabled after failing every delivery for a day',
} as const;

export type BusinessMetricName = keyof typeof businessMetrics;

/** The one extra dimension a business metric may carry, with its few possible values. */
export const REFUSAL_REASON_DIMENSION = 'reason';
