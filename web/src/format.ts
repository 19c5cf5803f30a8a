/** Small display helpers shared by the sections. */

export const number = (value: number) => value.toLocaleString('en');

export function when(iso: string): string {
  return new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A new idempotency key per user action: a retried request with it applies once. */
export const actionKey = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
