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
    const result = await Promise.race([Promise.resolve(handler(event, context)), timedOut]);
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
