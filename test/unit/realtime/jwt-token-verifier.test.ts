import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { JwtTokenVerifier } from '../../../shared/adapters/auth/jwt-token-verifier';
import { UnauthorizedError } from '../../../shared/domain/errors';

const ISSUER = 'https://issuer.example.com/pool';
const AUDIENCE = 'questline-web';
const KID = 'test-key-1';

function keyPair(): { privateKey: KeyObject; jwks: Jwks } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    privateKey,
    jwks: { keys: [{ ...jwk, kid: KID, alg: 'RS256', use: 'sig', kty: 'RSA' }] } as Jwks,
  };
}

// One pair for the verifier, another to forge signatures with the same kid.
const trusted = keyPair();
const forger = keyPair();

interface TokenOptions {
  sub?: string | null;
  issuer?: string;
  audience?: string | null;
  claims?: Record<string, unknown>;
  expiresInSeconds?: number | null;
  key?: KeyObject;
}

async function token(opts: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(opts.claims ?? {})
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .setIssuer(opts.issuer ?? ISSUER)
    .setIssuedAt(now - 60);
  if (opts.sub !== null) jwt.setSubject(opts.sub ?? 'user-123');
  if (opts.audience !== null) jwt.setAudience(opts.audience ?? AUDIENCE);
  if (opts.expiresInSeconds !== null) jwt.setExpirationTime(now + (opts.expiresInSeconds ?? 3600));
  return jwt.sign(opts.key ?? trusted.privateKey);
}

const JWKS_URI = 'https://keys.example.com/issuer/jwks';

/** The issuer's web: its discovery document and its keys, served from memory; every URL asked is noted. */
function issuerWeb(documents: Record<string, unknown> = {}) {
  const asked: string[] = [];
  const served: Record<string, unknown> = {
    [`${ISSUER}/.well-known/openid-configuration`]: { issuer: ISSUER, jwks_uri: JWKS_URI },
    [JWKS_URI]: trusted.jwks,
    ...documents,
  };
  const fetcher = {
    async fetch(uri: string): Promise<ArrayBuffer> {
      asked.push(uri);
      if (!(uri in served)) throw new Error(`404 ${uri}`);
      return new TextEncoder().encode(JSON.stringify(served[uri])).buffer as ArrayBuffer;
    },
  };
  return { fetcher, asked };
}

function verifier(scopes: string[] = []): JwtTokenVerifier {
  return new JwtTokenVerifier({
    issuer: ISSUER,
    audiences: ['other-client', AUDIENCE],
    scopes,
    fetcher: issuerWeb().fetcher,
  });
}

async function refusal(tokenText: string | Promise<string>): Promise<unknown> {
  try {
    await verifier().verify(await tokenText);
    return null;
  } catch (error) {
    return error;
  }
}

describe('JwtTokenVerifier', () => {
  it("returns a good token's sub", async () => {
    await expect(verifier().verify(await token())).resolves.toBe('user-123');
  });

  it('accepts a Cognito access token: no aud, client_id among the audiences', async () => {
    const accessToken = token({ audience: null, claims: { client_id: AUDIENCE, token_use: 'access' } });
    await expect(verifier().verify(await accessToken)).resolves.toBe('user-123');
  });

  it.each<[string, TokenOptions | string]>([
    ['an expired token', { expiresInSeconds: -120 }],
    ['a token without expiry', { expiresInSeconds: null }],
    ['another issuer', { issuer: 'https://evil.example.com/pool' }],
    ['another audience', { audience: 'someone-elses-app' }],
    ['no aud and a foreign client_id', { audience: null, claims: { client_id: 'someone-elses-app' } }],
    ['a signature by another key', { key: forger.privateKey }],
    ['no subject', { sub: null }],
    ['a subject that is no valid user id', { sub: 'user 123/../admin' }],
    ['garbage', 'not-a-jwt'],
    ['an empty string', ''],
  ])('refuses %s with UnauthorizedError', async (_name, input) => {
    const error = await refusal(typeof input === 'string' ? input : token(input));
    expect(error).toBeInstanceOf(UnauthorizedError);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await token()).split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString('base64url');
    expect(await refusal(`${header}.${payload}.${signature}`)).toBeInstanceOf(UnauthorizedError);
  });

  describe('with required scopes (access tokens only, as the HTTP API routes)', () => {
    const scoped = () => verifier(['aws.cognito.signin.user.admin', 'openid']);
    it.each([
      ['an SRP access token', { scope: 'aws.cognito.signin.user.admin' }],
      ["the hosted UI's access token", { scope: 'openid email profile' }],
      ['an issuer listing scopes in scp', { scp: ['openid'] }],
    ])('accepts %s', async (_name, claims) => {
      await expect(scoped().verify(await token({ claims }))).resolves.toBe('user-123');
    });
    it.each([
      ['an ID token (no scope at all)', { token_use: 'id', email: 'ada@example.com' }],
      ['an access token of other scopes', { scope: 'email profile' }],
      ['a scope that only contains a required one', { scope: 'openid-extra' }],
    ])('refuses %s', async (_name, claims) => {
      await expect(scoped().verify(await token({ claims }))).rejects.toBeInstanceOf(UnauthorizedError);
    });
  });

  describe('finding the keys', () => {
    it("reads an OIDC issuer's discovery document for its jwks_uri, once", async () => {
      const web = issuerWeb();
      const v = new JwtTokenVerifier({ issuer: ISSUER, audiences: [AUDIENCE], fetcher: web.fetcher });
      await expect(v.verify(await token())).resolves.toBe('user-123');
      await expect(v.verify(await token({ sub: 'auth0|5f7c8ec7c33c6c004bbafe82' }))).resolves.toBe(
        'auth0|5f7c8ec7c33c6c004bbafe82',
      );
      expect(web.asked).toEqual([`${ISSUER}/.well-known/openid-configuration`, JWKS_URI]);
    });

    it("goes straight to a Cognito pool's keys", async () => {
      const pool = 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbC123';
      const web = issuerWeb({ [`${pool}/.well-known/jwks.json`]: trusted.jwks });
      const v = new JwtTokenVerifier({ issuer: pool, audiences: [AUDIENCE], fetcher: web.fetcher });
      await expect(v.verify(await token({ issuer: pool }))).resolves.toBe('user-123');
      expect(web.asked).toEqual([`${pool}/.well-known/jwks.json`]);
    });

    it('refuses a discovery document of another issuer, as a failure of its own (not a 401), and asks again later', async () => {
      const web = issuerWeb({
        [`${ISSUER}/.well-known/openid-configuration`]: {
          issuer: 'https://evil.example.com',
          jwks_uri: JWKS_URI,
        },
      });
      const v = new JwtTokenVerifier({ issuer: ISSUER, audiences: [AUDIENCE], fetcher: web.fetcher });
      const error = await v.verify(await token()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(UnauthorizedError);
      await v.verify(await token()).catch(() => undefined);
      expect(web.asked.filter((u) => u.endsWith('openid-configuration'))).toHaveLength(2);
    });
  });

  it('needs at least one audience', () => {
    expect(() => new JwtTokenVerifier({ issuer: ISSUER, audiences: [] })).toThrow(RangeError);
  });
});
