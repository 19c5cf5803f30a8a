import { httpHandler } from '../../../shared/http/http-handler';
import { buildOpenApiDocument } from '../../../shared/http/openapi';
import { json } from '../../../shared/http/responses';
import type { HttpResult } from '../../../shared/http/types';

/** Built once per process: the document only changes with a deploy. */
const document = buildOpenApiDocument();

/** GET /v1/openapi.json: public, and touches no table (no wiring import, no TABLE_NAME needed). */
export async function main(): Promise<HttpResult> {
  return json(200, document, { 'cache-control': 'public, max-age=300' });
}

export const handler = httpHandler(main, { routeId: 'GetOpenApi' });
