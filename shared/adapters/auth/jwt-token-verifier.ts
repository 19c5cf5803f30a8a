import { JwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { UnauthorizedError } from '../../domain/errors';
import { userIdSchema } from '../../http/auth';
import type { TokenVerifier } from '../../realtime-ports';

export interface JwtTokenVerifierOptions {
  /** the token's `iss`: a Cognito user pool's URL or any OIDC issuer */
  issuer: string;
  /** accepted when the token's `aud` (or, for Cognito access tokens, `client_id`) is one of these */
  audiences: readonly string[];
  /** defaults to `<issuer>/.well-known/jwks.json`, where Cognito publishes its keys */
  jwksUri?: string;
  /** the token must carry one of these in `scope` (or `scp`), as the HTTP API's routes require; none: not checked */
  scopes?: readonly string[];
}

/**
 * End-user tokens of the WebSocket's $connect, checked as API Gateway's JWT
 * authorizer checks the HTTP API's: signature by the issuer's JWKS, `iss`,
 * `exp` (required) and `nbf`, and `aud` or `client_id` among the audiences
 * (Cognito access tokens carry no `aud`, only `client_id`), and one of the
 * required scopes, which only access tokens carry. The user is
 * the token's `sub`, which must have the shape of a user id.
 */
export class JwtTokenVerifier implements TokenVerifier {
  private readonly verifier: ReturnType<typeof createVerifier>;

  constructor(opts: JwtTokenVerifierOptions) {
    if (opts.audiences.length === 0) throw new RangeError('JwtTokenVerifier needs at least one audience');
    this.verifier = createVerifier(opts);
  }

  /** Loads the issuer's keys without downloading them (tests; a JWKS bundled with the function). */
  cacheJwks(jwks: Jwks): void {
    this.verifier.cacheJwks(jwks);
  }

  async verify(token: string): Promise<string> {
    let payload: JwtPayload;
    try {
      payload = await this.verifier.verify(token);
    } catch (error) {
      // Every refusal looks the same to the client; the cause stays for the logs.
      throw new UnauthorizedError('The token is not valid', { cause: error });
    }
    const sub = userIdSchema.safeParse(payload.sub);
    // A subject that could never be a user id must not reach the key module.
    if (!sub.success) throw new UnauthorizedError('The token subject is not a valid user id');
    return sub.data;
  }
}

function createVerifier(opts: JwtTokenVerifierOptions) {
  const audiences = new Set(opts.audiences);
  const scopes = new Set(opts.scopes ?? []);
  return JwtVerifier.create({
    issuer: opts.issuer,
    ...(opts.jwksUri === undefined ? {} : { jwksUri: opts.jwksUri }),
    // Checked below instead: the library's audience check reads `aud` only.
    audience: null,
    customJwtCheck: ({ payload }) => {
      if (typeof payload.exp !== 'number') throw new Error('the token has no expiry (exp)');
      const aud = payload.aud === undefined ? [] : [payload.aud].flat();
      const clientId = typeof payload.client_id === 'string' ? [payload.client_id] : [];
      if (![...aud, ...clientId].some((value) => audiences.has(value))) {
        throw new Error('neither aud nor client_id is an accepted audience');
      }
      if (scopes.size > 0 && !scopesOf(payload).some((scope) => scopes.has(scope))) {
        throw new Error('the token carries none of the required scopes (an ID token?)');
      }
    },
  });
}

/** OAuth's space-separated `scope`, or the `scp` list some issuers use instead. */
function scopesOf(payload: JwtPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter(Boolean);
  const scp = (payload as { scp?: unknown }).scp;
  if (Array.isArray(scp)) return scp.filter((s): s is string => typeof s === 'string');
  return typeof scp === 'string' ? scp.split(' ').filter(Boolean) : [];
}
