import { QuestlineError } from '../domain/errors';

/**
 * Errors about the HTTP envelope itself (body encoding, size, media type),
 * raised before any use case runs. They carry their own status because they
 * have no meaning outside HTTP.
 */
export class HttpProtocolError extends QuestlineError {
  override readonly name = 'HttpProtocolError';
  constructor(
    readonly statusCode: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const invalidJson = () =>
  new HttpProtocolError(400, 'invalid_json', 'The request body is not valid JSON');

export const unsupportedMediaType = (contentType: string | undefined) =>
  new HttpProtocolError(
    415,
    'unsupported_media_type',
    `Expected content-type application/json, got ${contentType ? `"${contentType.slice(0, 100)}"` : 'none'}`,
  );

export const payloadTooLarge = (maxBytes: number) =>
  new HttpProtocolError(413, 'payload_too_large', `The request body exceeds ${maxBytes} bytes`);
