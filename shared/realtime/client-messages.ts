import * as z from 'zod';

/**
 * What a client may send on its WebSocket ($default): today only
 * `{"action":"ping"}`. Other keys are let through, so a newer client's extra
 * fields do not turn a ping into an error.
 */
const clientMessageSchema = z.discriminatedUnion('action', [z.object({ action: z.literal('ping') })]);

export type ClientMessage = z.output<typeof clientMessageSchema>;

/** The message a client sent, or null for anything else (not JSON, no known action). */
export function clientMessageOf(body: string | undefined): ClientMessage | null {
  if (!body) return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = clientMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
