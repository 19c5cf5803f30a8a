import { idSchema } from '../../events/activity-completed.v1';

/**
 * Event ids a user chooses (the Idempotency-Key of a purchase or redemption,
 * the event_id of a freeze bought on the streak route) are stored under
 * this prefix, in a namespace of their own: a user who picks the id a
 * product's backend will later send for one of their activities cannot
 * squat it (the activity would answer 409 and its event go to the
 * dead-letter queue). Backend ids are stored as they come.
 */
export const USER_EVENT_ID_PREFIX = 'me:';

/**
 * A user's key: an event id short enough that the stored, prefixed id still
 * fits the 128 of every id. One rule with its own limit, so a key that is
 * wrong both ways is answered with one message.
 */
export const userEventKeySchema = idSchema(128 - USER_EVENT_ID_PREFIX.length);

/** The id under which a user's key is applied and recorded in the ledger. */
export const userEventId = (key: string): string => `${USER_EVENT_ID_PREFIX}${key}`;
