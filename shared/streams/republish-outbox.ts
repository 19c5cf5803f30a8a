import type { EventPublisher, OutcomeRef, StoredOutboxRecord, StoredOutcomes } from '../ports/events';
import { type OutboxLog, publishOutbox } from './outbox-publisher';

/** Which outcomes to publish again: named ones, or every one recorded in [since, until]. */
export type RepublishSelection = { refs: readonly OutcomeRef[] } | { since: string; until: string };

export interface RepublishDeps {
  outcomes: StoredOutcomes;
  publisher: EventPublisher;
  log: OutboxLog;
}

export interface RepublishResult {
  /** the outcomes found, oldest first */
  records: StoredOutboxRecord[];
  /** outcomes named but not in the table (never applied, or an outbox item past its retention) */
  missing: OutcomeRef[];
  /** true when a group could not be published (the log says which) */
  failed: boolean;
}

/**
 * Publishes the outbox of stored outcomes again, through the same code as
 * the PublishOutbox stream consumer (the contract checks, the groups of ten):
 * for a batch the consumer gave up, or events a bus rule missed. Idempotent
 * for consumers: an event's id is derived from its user, cause and position,
 * so a republished event has the id it had the first time.
 */
export async function republishOutbox(
  deps: RepublishDeps,
  selection: RepublishSelection,
  opts: { dryRun?: boolean } = {},
): Promise<RepublishResult> {
  const { records, missing } =
    'refs' in selection
      ? await deps.outcomes.named(selection.refs)
      : { records: await deps.outcomes.recordedBetween(selection.since, selection.until), missing: [] };
  records.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  if (opts.dryRun || records.length === 0) return { records, missing, failed: false };
  const { retryFrom } = await publishOutbox(records, deps.publisher, deps.log);
  return { records, missing, failed: retryFrom !== null };
}
