import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listen } from './port-check';

/** An action's answer: the status and the JSON body. */
export interface AwsJsonReply {
  status: number;
  body: unknown;
}

export type AwsJsonAction = (body: Record<string, unknown>) => AwsJsonReply | Promise<AwsJsonReply>;

/** An AWS JSON-protocol error, as the SDK reads it (`__type`, `message`). */
export const awsFault = (status: number, type: string, message: string): AwsJsonReply => ({
  status,
  body: { __type: type, message },
});

/**
 * A local stand-in for an AWS service that speaks the JSON protocol (POST,
 * `X-Amz-Target: <Service>.<Action>`, a JSON body), on loopback, so the
 * service's own SDK client works unchanged with `endpoint` set. Signatures
 * are not checked (loopback only); an action not served answers
 * UnknownOperationException.
 */
export async function startAwsJsonEndpoint(opts: {
  host: string;
  port?: number;
  /** the variable that names the port, for the error when it is taken */
  portName: string;
  /** `X-Amz-Target` prefix, e.g. AWSEvents */
  service: string;
  /** the protocol's content type: 1.0 (Step Functions) or 1.1 (EventBridge) */
  jsonVersion: '1.0' | '1.1';
  maxBodyBytes: number;
  actions: Record<string, AwsJsonAction>;
}): Promise<{ url: string; server: Server }> {
  const contentType = `application/x-amz-json-${opts.jsonVersion}`;
  const served = Object.keys(opts.actions).join(', ');

  async function answer(req: IncomingMessage): Promise<AwsJsonReply> {
    if (req.method !== 'POST') return awsFault(405, 'UnknownOperationException', `${served}: POST only`);
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = target.startsWith(`${opts.service}.`)
      ? opts.actions[target.slice(opts.service.length + 1)]
      : undefined;
    if (!action) {
      return awsFault(
        400,
        'UnknownOperationException',
        `${target || 'no X-Amz-Target'}: only ${served} here`,
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > opts.maxBodyBytes) {
        return awsFault(413, 'ValidationException', `the request is over ${opts.maxBodyBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return awsFault(400, 'SerializationException', 'the body is not JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return awsFault(400, 'SerializationException', 'the body is not a JSON object');
    }
    return action(body as Record<string, unknown>);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void answer(req)
      .catch((error: unknown) => awsFault(500, 'InternalFailure', String(error)))
      .then(({ status, body }) =>
        res.writeHead(status, { 'content-type': contentType }).end(JSON.stringify(body)),
      );
  });
  const bound = await listen(server, opts.port ?? 0, opts.host, opts.portName);
  return { url: `http://${opts.host}:${bound}`, server };
}
