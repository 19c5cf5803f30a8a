/** A frame the API pushes: `{ event, data }`. */
export interface PushFrame {
  event: string;
  data: Record<string, unknown>;
}

export type LiveStatus = 'connecting' | 'online' | 'offline';

/**
 * One WebSocket for the page, reconnected with exponential backoff and
 * jitter (1 s doubling to 30 s) whenever it closes, until stopped.
 */
export function connectLive(
  url: string,
  token: () => string,
  handlers: { onFrame(frame: PushFrame): void; onStatus(status: LiveStatus): void },
) {
  let socket: WebSocket | undefined;
  let attempts = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function open() {
    handlers.onStatus('connecting');
    socket = new WebSocket(`${url}?token=${encodeURIComponent(token())}`);
    socket.onopen = () => {
      attempts = 0;
      handlers.onStatus('online');
    };
    socket.onmessage = (message) => {
      try {
        handlers.onFrame(JSON.parse(String(message.data)) as PushFrame);
      } catch {
        // not a frame of ours: ignore it
      }
    };
    socket.onclose = () => {
      if (stopped) return;
      handlers.onStatus('offline');
      const delay = Math.min(30_000, 1000 * 2 ** attempts) * (0.5 + Math.random() / 2);
      attempts += 1;
      timer = setTimeout(open, delay);
    };
  }

  open();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
