/** Open WebSocket connections one user may keep (tabs, devices); a new one closes the oldest beyond it. */
export const MAX_CONNECTIONS_PER_USER = 10;
