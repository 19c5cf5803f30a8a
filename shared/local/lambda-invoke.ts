import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import { errorResponse, type HttpResponse } from './http-response';

/** A Lambda handler as the route modules export it (middy handlers are promise-based). */
export type LambdaHandler = (event: unknown, context: Context) => unknown;

/** HTTP APIs give up on an integration after 30 s; locally we answer just before. */
export const DEFAULT_TIMEOUT_MS = 29_000;

export function lambdaContext(functionName: string, requestId: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  const unsupported = () => {
    throw new Error('callback-style completion is not supported; return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/**
 * Every local function shares this process, and with it Powertools' logger
 * and metrics. Lambda tells them that invocations may overlap in one
 * environment (managed instances) with AWS_LAMBDA_MAX_CONCURRENCY and an
 * InvokeStore kept per invocation (AsyncLocalStorage): then each invocation's
 * log keys (function_name, request id) and buffered metrics are its own, and
 * a line logged by one function never names another. The store is chosen
 * once per process, by whoever asks first (the AWS SDK asks too), so this
 * runs before anything else of the local runtime.
 */
export async function enableInvocationScopes(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  env.AWS_LAMBDA_MAX_CONCURRENCY ??= '64';
  const store = await InvokeStore.getInstanceAsync(true);
  if (!('als' in store)) {
    throw new Error(
      'the AWS SDK chose a single-invocation store first: enable invocation scopes before any client',
    );
  }
}

/** Runs one invocation in a scope of its own (see enableInvocationScopes). */
export async function inInvocationScope<T>(context: Context, invoke: () => Promise<T> | T): Promise<T> {
  const store = await InvokeStore.getInstanceAsync(true);
  return store.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () =>
    Promise.resolve(invoke()),
  );
}

/** One invocation of `handler` with `event`, in its own scope. */
export function invokeLocally(handler: LambdaHandler, event: unknown, context: Context): Promise<unknown> {
  return inInvocationScope(context, () => handler(event, context));
}

/**
 * Runs a handler and maps what it returns the way API Gateway does. A throw or
 * a timeout is a 500/504 for the client, with the details only in the log.
 */
export async function invokeHandler(
  handler: LambdaHandler,
  event: unknown,
  context: Context,
  timeoutMs: number,
): Promise<{ response: HttpResponse; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([invokeLocally(handler, event, context), timedOut]);
    if (result === 'timeout') {
      return {
        response: errorResponse(504, 'gateway_timeout', `The function did not answer within ${timeoutMs} ms`),
        error: new Error(`${context.functionName} timed out after ${timeoutMs} ms`),
      };
    }
    return { response: toHttpResponse(result) };
  } catch (error) {
    return { response: errorResponse(500, 'internal_error', 'Internal server error'), error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Payload 2.0 response rules: an object with a numeric `statusCode` is a
 * structured response; anything else is the body of a JSON 200.
 */
export function toHttpResponse(result: unknown): HttpResponse {
  if (!isStructured(result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(body, 'utf8'),
    };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  const text = result.body ?? '';
  return {
    statusCode: result.statusCode,
    headers,
    cookies: result.cookies ?? [],
    body: result.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
  };
}

interface StructuredResult {
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  body?: string;
  isBase64Encoded?: boolean;
  cookies?: string[];
}

function isStructured(result: unknown): result is StructuredResult {
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof (result as StructuredResult).statusCode === 'number'
  );
}
