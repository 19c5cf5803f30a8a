import * as z from 'zod';
import { userIdSchema } from '../../events/activity-completed.v1';
import { namedIssues } from '../zod-issues';
import type { DevAuth } from './dev-auth';
import { errorResponse, type HttpResponse, jsonResponse } from './http-response';

/**
 * POST /dev/token: mints a dev JWT for any user id. Local only (it is not in
 * the shared route table, so it never reaches AWS); the runtime listens on
 * loopback so nobody else can mint tokens.
 */
export const DEV_TOKEN_PATH = '/dev/token';

const devTokenRequestSchema = z
  .object({
    // the activity contract's own user-id rule, so any id the API takes (auth0|...) can sign in locally
    user_id: userIdSchema,
  })
  .strict();

export async function issueDevToken(auth: DevAuth, body: Buffer): Promise<HttpResponse> {
  let document: unknown;
  try {
    document = JSON.parse(body.toString('utf8'));
  } catch {
    return errorResponse(400, 'validation_failed', 'The body must be JSON like {"user_id": "demo-user"}', {
      details: [{ field: 'body', message: 'not valid JSON' }],
    });
  }
  const parsed = devTokenRequestSchema.safeParse(document);
  if (!parsed.success) {
    const details = namedIssues(parsed.error, { whole: 'body' });
    return errorResponse(
      400,
      'validation_failed',
      `Invalid request: ${details.map((d) => d.field).join(', ')}`,
      {
        details,
      },
    );
  }
  const { token, expiresAt } = await auth.issueToken(parsed.data.user_id);
  return jsonResponse(200, { token, token_type: 'Bearer', expires_at: expiresAt.toISOString() });
}
