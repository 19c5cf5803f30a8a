import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalBus, PutEntry } from './local-bus';
import { listen } from './port-check';

/** PutEvents takes at most 10 entries; a request body is at most 256 KB. */
const MAX_ENTRIES = 10;
const MAX_BODY_BYTES = 256 * 1024;
const JSON_11 = 'application/x-amz-json-1.1';

/**
 * The local bus's front door: the EventBridge JSON protocol's PutEvents on
 * loopback (`events_url` in .questline/local.json), so a product service's
 * own `EventBridgeClient({ endpoint })` puts events on the local bus
 * unchanged. Signatures are not checked (loopback only); other actions
 * answer UnknownOperationException.
 */
export async function startEventsEndpoint(
  bus: LocalBus,
  host: string,
  port = 0,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => void answer(bus, req, res));
  const bound = await listen(server, port, host, 'EVENTS_PORT');
  return { url: `http://${host}:${bound}`, server };
}

async function answer(bus: LocalBus, req: IncomingMessage, res: ServerResponse) {
  const reply = (status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': JSON_11 }).end(JSON.stringify(body));
  const fault = (status: number, type: string, message: string) => reply(status, { __type: type, message });

  if (req.method !== 'POST') return fault(405, 'UnknownOperationException', 'PutEvents is a POST');
  const target = String(req.headers['x-amz-target'] ?? '');
  if (target !== 'AWSEvents.PutEvents') {
    return fault(
      400,
      'UnknownOperationException',
      `${target || 'no X-Amz-Target'}: the local bus serves PutEvents only`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return fault(413, 'ValidationException', 'the request is over 256 KB');
    chunks.push(chunk as Buffer);
  }
  let entries: unknown;
  try {
    entries = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries?: unknown }).Entries;
  } catch {
    return fault(400, 'SerializationException', 'the body is not JSON');
  }
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
    return fault(400, 'ValidationException', `Entries must hold 1 to ${MAX_ENTRIES} entries`);
  }
  return reply(200, bus.putEvents(entries as PutEntry[]));
}
