/**
 * A delivery's id: 13 digits of its event's epoch ms, a dot, the event id.
 * Sorts by when the event happened, names the event, and is the same for
 * every delivery of that event to an endpoint (so one is made, not two).
 */
export const deliveryIdOf = (occurredAt: Date, eventId: string): string =>
  `${String(occurredAt.getTime()).padStart(13, '0')}.${eventId}`;
