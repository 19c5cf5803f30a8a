import type { ItemKey } from './keys';

const CONNECTION = 'CONN#';
const CONNECTION_OWNER_SK = 'CONN';
const USER_CONNECTIONS = 'CONNS#';

/**
 * One WebSocket connection, in a partition of its user's connections only: a
 * Query on it lists the user's open connections (several tabs, several
 * devices). Outside the user's own partition on purpose: the functions that
 * keep connections are granted these partitions alone (IAM's LeadingKeys),
 * never a profile or a balance. No stream consumer's filter matches it, so
 * connecting publishes nothing.
 */
export const userConnectionKey = (userId: string, connectionId: string): ItemKey => ({
  pk: `${USER_CONNECTIONS}${userId}`,
  sk: `${CONNECTION}${connectionId}`,
});
/** The partition of one user's connections. */
export const userConnectionsPk = (userId: string): string => `${USER_CONNECTIONS}${userId}`;
/** Partition key prefixes of every connection item: what the connection functions may touch. */
export const connectionPartitionPrefixes = [USER_CONNECTIONS, CONNECTION] as const;
export const userConnectionPrefix = CONNECTION;
export const connectionIdOf = (sk: string): string => sk.slice(CONNECTION.length);

/**
 * The same connection by its id alone, holding its user: $disconnect knows
 * only the connection id. Its own partition, outside every user's.
 */
export const connectionOwnerKey = (connectionId: string): ItemKey => ({
  pk: `${CONNECTION}${connectionId}`,
  sk: CONNECTION_OWNER_SK,
});
