import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RouteDefinition } from '../http/define-route';
import type { HandlerLoader } from './http-gateway';

type LoadableFunction = Pick<RouteDefinition, 'id' | 'entry'>;

import type { LambdaHandler } from './lambda-invoke';

/**
 * Imports each route's `entry` module (relative to the repository root) once,
 * like a Lambda cold start, and hands back its `handler`. Import the modules
 * only after the runtime has set the env they parse at load.
 */
export function createHandlerLoader(
  repoRoot: string,
): HandlerLoader & { preload(fns: readonly LoadableFunction[]): Promise<void> } {
  const cache = new Map<string, Promise<LambdaHandler>>();

  function load(route: LoadableFunction): Promise<LambdaHandler> {
    let handler = cache.get(route.entry);
    if (!handler) {
      handler = importHandler(repoRoot, route);
      // a failed import is not cached, so fixing the file and retrying works
      handler.catch(() => cache.delete(route.entry));
      cache.set(route.entry, handler);
    }
    return handler;
  }

  return Object.assign(load, {
    /** fail at start, not on the first request, when a module cannot load */
    async preload(fns: readonly LoadableFunction[]) {
      await Promise.all(fns.map(load));
    },
  });
}

async function importHandler(repoRoot: string, route: LoadableFunction): Promise<LambdaHandler> {
  const module = (await import(pathToFileURL(resolve(repoRoot, route.entry)).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') {
    throw new Error(`${route.entry} (${route.id}) does not export a function named handler`);
  }
  return module.handler as LambdaHandler;
}
