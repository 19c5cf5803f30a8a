/**
 * What the local gateway writes back to a socket. Both the Lambda result
 * mapping and the gateway's own answers (401, 404, dev token) produce this,
 * so one writer handles every response.
 */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

export interface ErrorDetail {
  field: string;
  message: string;
}

/** JSON in DESIGN.md's error shape: `{ error: { code, message, details? } }`. */
export function errorResponse(
  statusCode: number,
  code: string,
  message: string,
  options: { details?: ErrorDetail[]; headers?: Record<string, string> } = {},
): HttpResponse {
  const error = options.details ? { code, message, details: options.details } : { code, message };
  return jsonResponse(statusCode, { error }, options.headers);
}

export function jsonResponse(
  statusCode: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    cookies: [],
    body: Buffer.from(JSON.stringify(value), 'utf8'),
  };
}
