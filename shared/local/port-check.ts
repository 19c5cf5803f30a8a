import { createServer, type Server } from 'node:net';

/** A port someone else holds; the message says which setting moves us elsewhere. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly setting: string,
  ) {
    super(
      `Port ${port} is already in use. Stop whatever holds it, or set ${setting} to another port (0 picks a free one).`,
    );
  }
}

/** Listens, translating EADDRINUSE into PortInUseError. */
export function listen(server: Server, port: number, host: string, setting: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, setting) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Probes a fixed port before handing it to a process whose bind error we cannot read well. */
export async function assertPortFree(port: number, host: string, setting: string): Promise<void> {
  const probe = createServer();
  await listen(probe, port, host, setting);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
