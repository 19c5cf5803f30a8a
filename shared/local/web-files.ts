import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildWeb } from '../../web/build';
import { contentSecurityPolicy } from '../../web/csp';
import { errorResponse, type HttpResponse } from './http-response';

const TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/**
 * The dashboard, locally: built at start into `<state dir>/web` (a fraction
 * of a second with esbuild) and served at `/` with the same Content-Security-
 * Policy as behind CloudFront: scripts and styles from the page's origin
 * only, calls to the API and the WebSocket only. `config.json` is written by
 * the runtime (the local API, dev sign-in, the demo key), never built in.
 */
export async function webFiles(opts: { stateDir: string; config: unknown; wsUrl: string }) {
  const { outdir } = await buildWeb(join(opts.stateDir, 'web'));
  const files = new Map<string, Buffer>();
  for (const name of Object.keys(TYPES)) files.set(name, await readFile(join(outdir, name)));
  const config = Buffer.from(JSON.stringify(opts.config), 'utf8');
  const headers = securityHeaders(new URL(opts.wsUrl).origin);

  return async (method: string, rawPath: string): Promise<HttpResponse | undefined> => {
    const name = rawPath === '/' ? 'index.html' : rawPath.slice(1);
    const body = name === 'config.json' ? config : files.get(name);
    if (!body) return undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      return errorResponse(405, 'method_not_allowed', `${method} is not allowed on ${rawPath}`, {
        headers: { allow: 'GET, HEAD' },
      });
    }
    return {
      statusCode: 200,
      headers: {
        ...headers,
        'content-type': TYPES[name] ?? 'application/json',
        // the page is rebuilt at every start: always revalidate
        'cache-control': 'no-cache',
      },
      cookies: [],
      body: method === 'HEAD' ? Buffer.alloc(0) : body,
    };
  };
}

/** The dashboard's security headers; `connect` lists the origins it may call besides its own. */
export function securityHeaders(...connect: string[]): Record<string, string> {
  return {
    // scene images are served by this same origin locally
    'content-security-policy': contentSecurityPolicy({ connect, images: [] }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}
