import type { Server } from 'node:http';
import { awsFault, startAwsJsonEndpoint } from './aws-json-endpoint';
import type { LocalBus, PutEntry } from './local-bus';

/** PutEvents takes at most 10 entries; a request body is at most 256 KB. */
const MAX_ENTRIES = 10;
const MAX_BODY_BYTES = 256 * 1024;

/**
 * The local bus's front door: the EventBridge JSON protocol's PutEvents on
 * loopback (`events_url` in .questline/local.json), so a product service's
 * own `EventBridgeClient({ endpoint })` puts events on the local bus
 * unchanged.
 */
export function startEventsEndpoint(
  bus: LocalBus,
  host: string,
  port = 0,
): Promise<{ url: string; server: Server }> {
  return startAwsJsonEndpoint({
    host,
    port,
    portName: 'EVENTS_PORT',
    service: 'AWSEvents',
    jsonVersion: '1.1',
    maxBodyBytes: MAX_BODY_BYTES,
    actions: {
      PutEvents: ({ Entries: entries }) => {
        if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
          return awsFault(400, 'ValidationException', `Entries must hold 1 to ${MAX_ENTRIES} entries`);
        }
        return { status: 200, body: bus.putEvents(entries as PutEntry[]) };
      },
    },
  });
}
