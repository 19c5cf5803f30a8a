import { httpHandler } from '../../../shared/http/http-handler';
import { buildOpenApiDocument } from '../../../shared/http/openapi';
import { json } from '../../../shared/http/responses';
import { getOpenApiRoute } from '../../../shared/http/routes/docs';

/** Built once per process: the document only changes with a deploy. */
const document = buildOpenApiDocument();

/** GET /v1/openapi.json: public, and touches no table (no wiring import, no TABLE_NAME needed). */
export const handler = httpHandler(getOpenApiRoute, async () =>
  json(200, document, { 'cache-control': 'public, max-age=300' }),
);
