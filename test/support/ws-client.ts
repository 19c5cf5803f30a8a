import WebSocket from 'ws';

export interface PushFrame {
  event: string;
  data: Record<string, unknown>;
}

/** A real WebSocket client of the local runtime, keeping every frame it receives. */
export interface TestSocket {
  frames: PushFrame[];
  send(message: unknown): void;
  /** resolves with the first frame (already received or yet to come) that matches, or rejects after `timeoutMs` */
  waitFor(match: (frame: PushFrame) => boolean, timeoutMs?: number): Promise<PushFrame>;
  close(): Promise<void>;
  /** resolves with the close code when the server (or the client) closes the socket */
  closed: Promise<number>;
}

export async function connectSocket(wsUrl: string, token: string): Promise<TestSocket> {
  const socket = new WebSocket(`${wsUrl}/?token=${encodeURIComponent(token)}`);
  const frames: PushFrame[] = [];
  const waiters = new Set<() => void>();
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('message', (data) => {
    frames.push(JSON.parse(data.toString()) as PushFrame);
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
  });
  return {
    frames,
    closed,
    send: (message) => socket.send(JSON.stringify(message)),
    waitFor(match, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames.map((f) => f.event))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: async () => {
      if (socket.readyState !== socket.CLOSED) socket.close();
      await closed;
    },
  };
}

/** The status a refused upgrade answered with. */
export function refusedStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => {
      socket.close();
      reject(new Error('the connection was accepted'));
    });
    socket.once('error', () => undefined);
  });
}
