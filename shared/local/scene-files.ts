import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCENE_RENDITIONS } from '../ports/scenes';
import { errorResponse, type HttpResponse } from './http-response';

/** Only the stored scene images' own paths (shared/ports/scenes.ts sceneImagePaths): nothing else on disk is reachable. */
const SCENE_FILE = new RegExp(
  `^/scenes/([0-9a-f]{32})/(${SCENE_RENDITIONS.map((r) => r.name).join('|')})\\.webp$`,
);

/**
 * The local stand-in for CloudFront in front of the scenes bucket: GET
 * /scenes/<cache key>/<rendition>.webp from the scene images folder, with the
 * same long, immutable caching (a path's image never changes). Answers
 * undefined for any other path, so the gateway routes it.
 */
export function sceneFiles(root: string) {
  return async (method: string, rawPath: string): Promise<HttpResponse | undefined> => {
    if (!rawPath.startsWith('/scenes/')) return undefined;
    const found = SCENE_FILE.exec(rawPath);
    if (!found) return errorResponse(404, 'not_found', `No scene image at ${rawPath}`);
    if (method !== 'GET' && method !== 'HEAD') {
      return errorResponse(405, 'method_not_allowed', `${method} is not allowed on ${rawPath}`, {
        headers: { allow: 'GET, HEAD' },
      });
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(join(root, 'scenes', found[1] as string, `${found[2]}.webp`));
    } catch {
      return errorResponse(404, 'not_found', `No scene image at ${rawPath}`);
    }
    return {
      statusCode: 200,
      headers: { 'content-type': 'image/webp', 'cache-control': 'public, max-age=31536000, immutable' },
      cookies: [],
      body: method === 'HEAD' ? Buffer.alloc(0) : bytes,
    };
  };
}
