import type { RefusalReason, RefusedOutcome } from './types';

/** A refusal writes nothing: it carries only what the caller needs to explain it. */
export function refuse(
  subject: { eventId: string; userId: string },
  reason: RefusalReason,
  message: string,
): RefusedOutcome {
  return { status: 'refused', eventId: subject.eventId, userId: subject.userId, reason, message };
}
