import { JwtVerifier } from 'aws-jwt-verify';
import { type Fetcher, SimpleFetcher } from 'aws-jwt-verify/https';
import { type Jwks, SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { userIdSchema } from '../../../events/activity-completed.v1';
import { UnauthorizedError } from '../../domain/errors';
import type { TokenVerifier } from '../../ports/realtime';
import { jwksUriOf } from './oidc-discovery';

export interface JwtTokenVerifierOptions {
  /** the token's `iss`: a Cognito user pool's URL or any OIDC issuer */
  issuer: string;
  /** accepted when the token's `aud` (or, for Cognito access tokens, `client_id`) is one of these */
  audiences: readonly string[];
  /** default: Cognito's `<issuer>/.well-known/jwks.json`, or the issuer's discovery document's `jwks_uri` */
  jwksUri?: string;
  /** the token must carry one of these in `scope` (or `scp`), as the HTTP API's routes require; none: not checked */
  scopes?: readonly string[];
  /** HTTPS GETs of the discovery document and the keys (tests pass their own) */
  fetcher?: Fetcher;
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
  private readonly fetcher: Fetcher;
  private verifier: Verifier | undefined;
  private creating: Promise<Verifier> | undefined;
  private cachedJwks: Jwks | undefined;

  constructor(private readonly opts: JwtTokenVerifierOptions) {
    if (opts.audiences.length === 0) throw new RangeError('JwtTokenVerifier needs at least one audience');
    this.fetcher = opts.fetcher ?? new SimpleFetcher({ defaultRequestOptions: { timeout: 3000 } });
  }

  /** Loads the issuer's keys without downloading them (tests; a JWKS bundled with the function). */
  cacheJwks(jwks: Jwks): void {
    this.cachedJwks = jwks;
    this.verifier?.cacheJwks(jwks);
  }

  async verify(token: string): Promise<string> {
    // Not knowing where the keys are is our failure, not the token's: it is thrown as is.
    const verifier = await this.ready();
    let payload: JwtPayload;
    try {
      payload = await verifier.verify(token);
    } catch (error) {
      // Every refusal looks the same to the client; the cause stays for the logs.
      throw new UnauthorizedError('The token is not valid', { cause: error });
    }
    const sub = userIdSchema.safeParse(payload.sub);
    // A subject that could never be a user id must not reach the key module.
    if (!sub.success) throw new UnauthorizedError('The token subject is not a valid user id');
    return sub.data;
  }

  /** The verifier, once the keys' address is known (looked up once; again after a failed lookup). */
  private ready(): Promise<Verifier> {
    if (this.verifier) return Promise.resolve(this.verifier);
    this.creating ??= (async () => {
      const jwksUri = this.opts.jwksUri ?? (await jwksUriOf(this.opts.issuer, this.fetcher));
      const verifier = createVerifier(this.opts, jwksUri, this.fetcher);
      if (this.cachedJwks) verifier.cacheJwks(this.cachedJwks);
      this.verifier = verifier;
      return verifier;
    })().finally(() => {
      this.creating = undefined;
    });
    return this.creating;
  }
}

type Verifier = ReturnType<typeof createVerifier>;

function createVerifier(opts: JwtTokenVerifierOptions, jwksUri: string, fetcher: Fetcher) {
  const audiences = new Set(opts.audiences);
  const scopes = new Set(opts.scopes ?? []);
  return JwtVerifier.create(
    {
      issuer: opts.issuer,
      jwksUri,
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
    },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
}

/** OAuth's space-separated `scope`, or the `scp` list some issuers use instead. */
function scopesOf(payload: JwtPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter(Boolean);
  const scp = (payload as { scp?: unknown }).scp;
  if (Array.isArray(scp)) return scp.filter((s): s is string => typeof s === 'string');
  return typeof scp === 'string' ? scp.split(' ').filter(Boolean) : [];
}
