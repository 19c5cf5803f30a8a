import { randomUUID } from 'node:crypto';
import { type BusRoute, matchesRoute } from '../bus/bus-routes';
import { LOCAL_ACCOUNT_ID } from './api-gateway-event';
import { LOCAL_REGION } from './handler-env';
import type { HandlerLoader } from './http-gateway';
import { invokeLocally, lambdaContext } from './lambda-invoke';
import { consumeLocally } from './local-queue';

/** A PutEvents entry as the EventBridge API takes it. */
export interface PutEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Time?: string | number;
  Resources?: string[];
}

export interface PutResult {
  FailedEntryCount: number;
  Entries: ({ EventId: string } | { ErrorCode: string; ErrorMessage: string })[];
}

/** An event as EventBridge hands it to a rule's target. */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

const RETRY_DELAY_MS = 500;
/** Lambda retries an asynchronous invocation twice. */
const ASYNC_ATTEMPTS = 3;

/**
 * The bus, locally: takes PutEvents entries, matches each against the same
 * routing table as the CDK rules, and delivers to the targets' handlers in
 * the shapes AWS uses: an SQS batch of one (redelivered while the handler
 * reports it failed, then dead-lettered) or an asynchronous invocation
 * (retried twice). Delivery never blocks the PutEvents answer.
 */
export function createLocalBus(opts: {
  /** this bus's name: entries naming another bus (or none: the default bus) are not routed */
  name: string;
  routes: readonly BusRoute[];
  loadHandler: HandlerLoader;
  logError(message: string, error: unknown): void;
}) {
  const inFlight = new Set<Promise<void>>();
  const deadLetters: { route: string; event: BusEvent }[] = [];

  function track(work: Promise<void>) {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  async function toQueue(route: BusRoute & { target: { kind: 'queue' } }, event: BusEvent) {
    const consumed = await consumeLocally({
      handler: await opts.loadHandler({ id: route.id, entry: route.target.entry }),
      queue: route.id,
      body: JSON.stringify(event),
      maxReceives: route.target.maxReceiveCount,
      timeoutMs: (route.target.timeoutSeconds ?? 60) * 1000,
      logError: opts.logError,
    });
    if (consumed) return;
    deadLetters.push({ route: route.id, event });
    opts.logError(`${route.id}: ${event['detail-type']} ${event.id} moved to the dead-letter queue`, event);
  }

  async function toFunction(route: BusRoute, event: BusEvent) {
    const handler = await opts.loadHandler({ id: route.id, entry: route.target.entry });
    for (let attempt = 1; attempt <= ASYNC_ATTEMPTS; attempt++) {
      try {
        await invokeLocally(handler, event, lambdaContext(route.id, randomUUID(), 60_000));
        return;
      } catch (error) {
        if (attempt === ASYNC_ATTEMPTS) opts.logError(`${route.id}: gave up on ${event.id}`, error);
        else await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }

  function deliver(event: BusEvent) {
    for (const route of opts.routes) {
      if (!matchesRoute(route, { source: event.source, detailType: event['detail-type'] })) continue;
      const target = route.target;
      track(target.kind === 'queue' ? toQueue({ ...route, target }, event) : toFunction(route, event));
    }
  }

  return {
    putEvents(entries: readonly PutEntry[]): PutResult {
      const results = entries.map((entry) => {
        const problem = entryProblem(entry);
        if (problem) return { ErrorCode: 'MalformedDetail', ErrorMessage: problem };
        const event = toBusEvent(entry);
        const bus = busNameOf(entry.EventBusName);
        if (bus === opts.name) deliver(event);
        else {
          opts.logError(
            `PutEvents: ${entry.DetailType} from ${entry.Source} went to the bus '${bus}', where no rule routes it (as on EventBridge); name the bus '${opts.name}' in EventBusName`,
            undefined,
          );
        }
        return { EventId: event.id };
      });
      return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
    },
    deadLetters: () => [...deadLetters],
    /** resolves once every delivery under way has finished (for a clean stop) */
    async drain(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type LocalBus = ReturnType<typeof createLocalBus>;

/**
 * EventBridge takes a bus by name or ARN, and an entry without one goes to the
 * account's default bus: accepted, and routed by that bus's rules, of which
 * Questline has none.
 */
function busNameOf(nameOrArn: string | undefined): string {
  if (!nameOrArn) return 'default';
  const arnName = /^arn:[^:]+:events:[^:]*:\d*:event-bus\/(.+)$/.exec(nameOrArn);
  return arnName?.[1] ?? nameOrArn;
}

function entryProblem(entry: PutEntry): string | null {
  if (!entry.Source || !entry.DetailType || entry.Detail === undefined)
    return 'Source, DetailType and Detail are required';
  try {
    const detail: unknown = JSON.parse(entry.Detail);
    return detail !== null && typeof detail === 'object' && !Array.isArray(detail)
      ? null
      : 'Detail must be a JSON object';
  } catch {
    return 'Detail is not valid JSON';
  }
}

function toBusEvent(entry: PutEntry): BusEvent {
  const time =
    entry.Time === undefined
      ? new Date()
      : new Date(typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time);
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': entry.DetailType ?? '',
    source: entry.Source ?? '',
    account: LOCAL_ACCOUNT_ID,
    time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: LOCAL_REGION,
    resources: entry.Resources ?? [],
    detail: JSON.parse(entry.Detail ?? '{}') as Record<string, unknown>,
  };
}
