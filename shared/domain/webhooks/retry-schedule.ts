/**
 * When a failed delivery is tried again: exponential backoff from 30 s,
 * capped at 15 minutes (SQS's longest delay), with "equal jitter" (half
 * fixed, half random) so endpoints coming back are not hit by every retry at
 * once; nothing after a day since the first attempt.
 */

export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;
export const GIVE_UP_AFTER_SECONDS = 24 * 60 * 60;

/** Seconds until attempt `attempt + 1` after attempt `attempt` failed; null: give up. */
export function retryDelaySeconds(
  attempt: number,
  firstAttemptAt: Date,
  now: Date,
  random: () => number = Math.random,
): number | null {
  const ceiling = Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.max(0, attempt - 1));
  const delay = Math.ceil(ceiling / 2 + random() * (ceiling / 2));
  const elapsed = (now.getTime() - firstAttemptAt.getTime()) / 1000;
  return elapsed + delay > GIVE_UP_AFTER_SECONDS ? null : delay;
}
