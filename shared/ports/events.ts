import type { Envelope } from '../../events/envelope';

/**
 * Publishes outcome events (each in its `{ metadata, data }` envelope) to the
 * bus as source `questline`. Resolves once every one was accepted; throws
 * when some still failed after retries (the caller's batch is retried, and
 * consumers drop repeats by `metadata.id`).
 */
export interface EventPublisher {
  publish(envelopes: readonly Envelope[]): Promise<void>;
}

/**
 * One stored outcome's events for the bus, decoded from a stream record (or
 * a read item): the outbox publisher works on these, not on stream records.
 */
export interface OutboxRecord {
  /** where it sits: the stream's sequence number, or its place in a list read from the table */
  position: string;
  /** its table key, for logs and operators: `USER#ada EVENT#lesson-1` */
  key: string;
  envelopes: Envelope[];
  /** events that broke their contract: published never, reported always */
  rejected: { id: string; type: string; problem: string }[];
}

/** One outcome by its user and event id: its event item, or a profile change's outbox item. */
export interface OutcomeRef {
  userId: string;
  eventId: string;
}

/** A stored outcome's events, with the instant it was recorded at (its ledger instant). */
export interface StoredOutboxRecord extends OutboxRecord {
  recordedAt: string;
}

/** The outcomes stored in the table, read back for their events (the outbox's republishing). */
export interface StoredOutcomes {
  /** each named outcome that exists, and those that do not */
  named(refs: readonly OutcomeRef[]): Promise<{ records: StoredOutboxRecord[]; missing: OutcomeRef[] }>;
  /** every outcome recorded in [since, until] (ISO instants) */
  recordedBetween(since: string, until: string): Promise<StoredOutboxRecord[]>;
}

/** Some entries were still refused after every attempt; every other entry was published. */
export class PublishFailedError extends Error {
  override readonly name = 'PublishFailedError';
  constructor(readonly failures: { id: string; code: string; message: string }[]) {
    super(`${failures.length} events not published: ${failures.map((f) => `${f.id} ${f.code}`).join(', ')}`);
  }
}
