import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in OIDC issuer for the dashboard's sign-in test: the authorization
 * endpoint hands a code straight back to the redirect URI (as the hosted UI
 * does after a successful sign-in), and the token endpoint gives the tokens
 * only to whoever proves the PKCE verifier of that code (S256), exactly
 * once. The token itself comes from `mintToken` (the local runtime's dev
 * tokens, which its API accepts).
 */
export async function startStandInIssuer(opts: { clientId: string; mintToken: () => Promise<string> }) {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const seen = { authorizations: 0, exchanges: 0, logouts: [] as string[], refused: [] as string[] };

  async function form(req: IncomingMessage): Promise<URLSearchParams> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://issuer');
    const cors = { 'access-control-allow-origin': '*' };
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const valid =
        q.get('response_type') === 'code' &&
        q.get('client_id') === opts.clientId &&
        q.get('code_challenge_method') === 'S256' &&
        /^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '');
      if (!valid) {
        seen.refused.push(`authorize: ${url.search}`);
        res.writeHead(400).end('bad authorization request');
        return;
      }
      seen.authorizations += 1;
      const code = randomUUID();
      codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '' });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === '/logout') {
      // as Cognito: back to the logout_uri the client named
      seen.logouts.push(`${url.searchParams.get('client_id')} ${url.searchParams.get('logout_uri')}`);
      res.writeHead(302, { location: url.searchParams.get('logout_uri') ?? '/' }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const body = await form(req);
      const grant = codes.get(body.get('code') ?? '');
      codes.delete(body.get('code') ?? '');
      const verifier = body.get('code_verifier') ?? '';
      const proven =
        grant !== undefined &&
        body.get('grant_type') === 'authorization_code' &&
        body.get('client_id') === opts.clientId &&
        body.get('redirect_uri') === grant.redirectUri &&
        createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
      if (!proven) {
        seen.refused.push('token: code, client, redirect or verifier wrong');
        res.writeHead(400, { ...cors, 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
        return;
      }
      seen.exchanges += 1;
      const token = await opts.mintToken();
      res
        .writeHead(200, { ...cors, 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-headers': 'content-type' }).end();
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Serves a built dashboard folder plus a config.json: the page as CloudFront serves it, on loopback. */
export async function serveDashboard(dir: string, config: unknown) {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(config));
      return;
    }
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (!/^[a-z]+\.(html|js|css)$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(dir, name));
      res.writeHead(200, { 'content-type': types[name.split('.')[1] as string] ?? 'text/plain' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
