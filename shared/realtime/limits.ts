import type { ConnectionPoster, ConnectionStore } from '../ports/realtime';

/** Open WebSocket connections one user may keep (tabs, devices); a new one closes the oldest beyond it. */
export const MAX_CONNECTIONS_PER_USER = 10;

/**
 * Keeps a user to MAX_CONNECTIONS_PER_USER open connections (tabs and
 * devices), closing the oldest beyond it, never the newest. Each push costs
 * a post per connection, so an unbounded number would let one client slow
 * every notification of its user and cost without limit. Answers how many
 * were closed.
 */
export async function closeBeyondCap(
  deps: { connections: ConnectionStore; poster: ConnectionPoster },
  userId: string,
  newest: string,
): Promise<number> {
  const open = (await deps.connections.listForUser(userId)).filter((id) => id !== newest);
  const excess = open.slice(0, Math.max(0, open.length + 1 - MAX_CONNECTIONS_PER_USER));
  await Promise.all(
    excess.map(async (connectionId) => {
      await deps.poster.close(connectionId);
      await deps.connections.remove(connectionId);
    }),
  );
  return excess.length;
}
