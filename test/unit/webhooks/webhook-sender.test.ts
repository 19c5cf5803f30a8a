import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_ENDPOINT_POLICY, LOCAL_ENDPOINT_POLICY } from '../../../shared/adapters/webhooks/address-guard';
import { HttpWebhookSender } from '../../../shared/adapters/webhooks/webhook-sender';

/** A real receiver on a free port: it answers as `answer` says and keeps what it got. */
let server: Server;
let base: string;
let answer: 'ok' | 'fail' | 'hang' = 'ok';
const received: { headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      if (answer === 'hang') return;
      res.writeHead(answer === 'ok' ? 204 : 500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (url: string, secrets = ['whsec_one']) => ({
  url,
  body: JSON.stringify({ id: 'evt-1', type: 'level.up', data: { level: 2 } }),
  eventId: 'evt-1',
  detailType: 'level.up',
  secrets,
  at: new Date(),
});

/** The receiver's check, written from the README's description and nothing of ours. */
function receiverAccepts(header: string, body: string, secret: string): boolean {
  const fields = header.split(',').map((kv) => kv.split('='));
  const t = fields.find(([k]) => k === 't')?.[1] ?? '';
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return fields.some(([k, v]) => k === 'v1' && v === expected);
}

describe('posting a webhook', () => {
  const sender = new HttpWebhookSender(LOCAL_ENDPOINT_POLICY, 300);

  it('signs the body so an independent receiver verifies it, with the event id as the idempotency key', async () => {
    answer = 'ok';
    const sent = await sender.post(post(`${base}/hook`, ['whsec_new', 'whsec_old']));
    expect(sent).toMatchObject({ ok: true, status: 204 });
    const got = received.at(-1);
    expect(got?.headers['idempotency-key']).toBe('evt-1');
    expect(got?.headers['questline-event-type']).toBe('level.up');
    const signature = String(got?.headers['questline-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    // either secret of a rotation verifies; another does not
    expect(receiverAccepts(signature, got?.body ?? '', 'whsec_new')).toBe(true);
    expect(receiverAccepts(signature, got?.body ?? '', 'whsec_old')).toBe(true);
    expect(receiverAccepts(signature, got?.body ?? '', 'whsec_other')).toBe(false);
    expect(receiverAccepts(signature, `${got?.body} `, 'whsec_new')).toBe(false);
  });

  it('fails an attempt the receiver answers with 500', async () => {
    answer = 'fail';
    expect(await sender.post(post(`${base}/hook`))).toMatchObject({
      ok: false,
      status: 500,
      error: 'answered 500',
    });
  });

  it('fails an attempt the receiver does not answer in time', async () => {
    answer = 'hang';
    const sent = await sender.post(post(`${base}/hook`));
    expect(sent).toMatchObject({ ok: false, error: 'no answer within 0.3 s' });
    expect(sent.latencyMs).toBeGreaterThanOrEqual(250);
  });

  it('on AWS, connects to no private or loopback address, named or literal, and sends nothing', async () => {
    answer = 'ok';
    const before = received.length;
    const aws = new HttpWebhookSender(AWS_ENDPOINT_POLICY, 300);
    const port = (server.address() as AddressInfo).port;
    const literal = await aws.post(post(`https://127.0.0.1:${port}/hook`));
    expect(literal).toMatchObject({ ok: false, error: '127.0.0.1 is a forbidden address' });
    const named = await aws.post(post(`https://localhost:${port}/hook`));
    expect(named).toMatchObject({ ok: false, error: 'localhost resolves only to forbidden addresses' });
    expect(received.length).toBe(before);
  });
});
