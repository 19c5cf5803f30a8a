import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import { type Envelope, EVENT_SOURCE } from '../../../events/envelope';
import { type EventPublisher, PublishFailedError } from '../../ports/events';

/** PutEvents takes at most 10 entries per call. */
const ENTRIES_PER_CALL = 10;
/** Failed entries (throttled, an internal failure) are sent again this many times in all. */
const ATTEMPTS = 4;

/**
 * The EventPublisher on an EventBridge bus: entries of 10 per PutEvents call,
 * each entry's `detail` the envelope, its detail-type the contract's. PutEvents
 * answers 200 even when some entries failed: those (and only those) are sent
 * again with backoff. Locally the same adapter talks to the local bus.
 */
export class EventBridgePublisher implements EventPublisher {
  private readonly client: EventBridgeClient;
  private readonly busName: string;
  private readonly pause: (attempt: number) => Promise<void>;

  constructor(opts: {
    client: EventBridgeClient;
    busName: string;
    pause?: (attempt: number) => Promise<void>;
  }) {
    this.client = opts.client;
    this.busName = opts.busName;
    this.pause =
      opts.pause ??
      ((attempt) => new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt * Math.random())));
  }

  async publish(envelopes: readonly Envelope[]): Promise<void> {
    const failures: PublishFailedError['failures'] = [];
    for (let i = 0; i < envelopes.length; i += ENTRIES_PER_CALL) {
      failures.push(...(await this.publishChunk(envelopes.slice(i, i + ENTRIES_PER_CALL))));
    }
    if (failures.length > 0) throw new PublishFailedError(failures);
  }

  /** One chunk, retrying the entries PutEvents refused; returns those refused every time. */
  private async publishChunk(chunk: readonly Envelope[]): Promise<PublishFailedError['failures']> {
    let pending = [...chunk];
    let refused: PutEventsResultEntry[] = [];
    for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
      if (attempt > 1) await this.pause(attempt);
      const { FailedEntryCount = 0, Entries = [] } = await this.client.send(
        new PutEventsCommand({ Entries: pending.map((e) => this.entry(e)) }),
      );
      if (FailedEntryCount === 0) return [];
      // Result entries come back in request order: an ErrorCode marks a refused one.
      const retry: Envelope[] = [];
      refused = [];
      pending.forEach((envelope, index) => {
        const result = Entries[index];
        if (result?.ErrorCode) {
          retry.push(envelope);
          refused.push(result);
        }
      });
      pending = retry;
    }
    return pending.map((envelope, index) => ({
      id: envelope.metadata.id,
      code: refused[index]?.ErrorCode ?? 'unknown',
      message: refused[index]?.ErrorMessage ?? '',
    }));
  }

  private entry(envelope: Envelope): PutEventsRequestEntry {
    return {
      EventBusName: this.busName,
      Source: EVENT_SOURCE,
      DetailType: envelope.metadata.type,
      Detail: JSON.stringify(envelope),
      Time: new Date(envelope.metadata.occurred_at),
    };
  }
}
