import { type Answers, type OperationId, operations } from './operations';

/** An error answer of the API: `{ error: { code, message, details? } }`, with Retry-After when given. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface CallOptions {
  path?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** another bearer than the session's (the local demo's internal key) */
  bearer?: string;
}

/**
 * A typed client of the public API: the operation names the method and the
 * path, the answer's type follows. The token lives in this object only
 * (memory), never in storage.
 */
export function createApiClient(apiUrl: string, token: () => string | null) {
  return async function call<K extends OperationId>(id: K, options: CallOptions = {}): Promise<Answers[K]> {
    const { method, path } = operations[id];
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(options.path?.[name] ?? ''),
    );
    const url = new URL(filled, apiUrl);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const bearer = options.bearer ?? token();
    const response = await fetch(url, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const answer = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const error = (answer as { error?: { code?: string; message?: string } } | null)?.error;
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new ApiError(
        response.status,
        error?.code ?? `http_${response.status}`,
        error?.message ?? response.statusText,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
    }
    return answer as Answers[K];
  };
}

export type ApiCall = ReturnType<typeof createApiClient>;
