import type * as z from 'zod';
import { EVENT_SOURCE } from '../../events/envelope';
import { namedIssues } from '../zod-issues';

/** The parts of an EventBridge event Questline's own consumers read. */
export interface BusEvent {
  source: string;
  'detail-type': string;
  detail: unknown;
}

type Envelope = { metadata: { type: string; user_id: string }; data: unknown };

/**
 * One of Questline's own events, as its consumers (the notifier, the
 * milestone scene trigger) take it from the bus: `source: questline`, its
 * `detail` an envelope of `schema` whose metadata names the detail-type (the
 * one expected, if any) and whose data names no other user than its
 * metadata. Anything else is answered with what is wrong, for the log: a
 * retry cannot make it one, so the consumer drops it.
 */
export function questlineEnvelopeOf<S extends z.ZodType<Envelope>>(
  event: BusEvent,
  schema: S,
  expectedType?: string,
): { envelope: z.output<S> } | { notOne: { source: string; detailType: string; issues: string[] } } {
  const parsed = schema.safeParse(event.detail);
  if (
    event.source === EVENT_SOURCE &&
    parsed.success &&
    parsed.data.metadata.type === event['detail-type'] &&
    (expectedType === undefined || expectedType === event['detail-type']) &&
    namesOneUser(parsed.data)
  ) {
    return { envelope: parsed.data };
  }
  const issues = parsed.success ? [] : namedIssues(parsed.error, { whole: 'detail' }).map((i) => i.field);
  return { notOne: { source: event.source, detailType: event['detail-type'], issues } };
}

function namesOneUser(envelope: Envelope): boolean {
  const named = (envelope.data as { user_id?: unknown } | null)?.user_id;
  return named === undefined || named === envelope.metadata.user_id;
}
