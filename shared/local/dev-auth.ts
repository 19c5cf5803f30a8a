import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { type IamAuthorizer, type JwtAuthorizer, LOCAL_ACCOUNT_ID } from './api-gateway-event';

/**
 * Local stand-ins for API Gateway's authorizers: an HS256 dev JWT for end-user
 * routes (Cognito on AWS) and a shared internal key for service routes (SigV4
 * on AWS). The handlers receive the same authorizer context either way.
 */

export const DEV_TOKEN_ISSUER = 'questline-local';
export const DEV_TOKEN_AUDIENCE = 'questline';
export const DEV_TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** Dev tokens are access tokens: they carry the scope the routes require, as Cognito's hosted UI's do. */
export const DEV_TOKEN_SCOPE = 'openid';

export interface DevAuthSecrets {
  /** HS256 key for dev tokens */
  signingKey: Uint8Array;
  /** bearer secret for /v1/internal routes */
  internalKey: string;
}

export interface DevAuth {
  issueToken(userId: string, now?: Date): Promise<{ token: string; expiresAt: Date }>;
  /**
   * null when the header holds no valid dev token (missing, bad signature,
   * expired, wrong iss/aud); 'forbidden' for a valid one without the routes'
   * scope (an ID token), which API Gateway answers with 403
   */
  authorizeJwt(authorization: string | undefined): Promise<JwtAuthorizer | 'forbidden' | null>;
  /** null unless the header is `Bearer <internal key>` */
  authorizeInternal(authorization: string | undefined): IamAuthorizer | null;
}

export function createDevAuth(secrets: DevAuthSecrets): DevAuth {
  const internalDigest = digest(secrets.internalKey);
  return {
    async issueToken(userId, now = new Date()) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = issuedAt + DEV_TOKEN_TTL_SECONDS;
      const token = await new SignJWT({ token_use: 'access', scope: DEV_TOKEN_SCOPE })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(DEV_TOKEN_ISSUER)
        .setAudience(DEV_TOKEN_AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(randomUUID())
        .sign(secrets.signingKey);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },

    async authorizeJwt(authorization) {
      const token = bearer(authorization);
      if (!token) return null;
      try {
        const { payload } = await jwtVerify(token, secrets.signingKey, {
          algorithms: ['HS256'],
          issuer: DEV_TOKEN_ISSUER,
          audience: DEV_TOKEN_AUDIENCE,
          requiredClaims: ['sub', 'exp'],
        });
        const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
        if (!scopes.includes(DEV_TOKEN_SCOPE)) return 'forbidden';
        return { jwt: { claims: stringifyClaims(payload), scopes } };
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) return null;
        throw error;
      }
    },

    authorizeInternal(authorization) {
      const key = bearer(authorization);
      // compare digests: equal length, and constant time whatever the input
      if (!key || !timingSafeEqual(digest(key), internalDigest)) return null;
      return {
        iam: {
          accessKey: 'LOCALINTERNALKEY',
          accountId: 'local',
          callerId: 'local-internal',
          cognitoIdentity: null,
          principalOrgId: null,
          userArn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local-internal`,
          userId: 'local-internal',
        },
      };
    },
  };
}

function bearer(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** API Gateway's JWT authorizer hands every claim to the function as a string. */
function stringifyClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    if (typeof value === 'string') claims[name] = value;
    else if (Array.isArray(value)) claims[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'object' && value !== null) claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}
