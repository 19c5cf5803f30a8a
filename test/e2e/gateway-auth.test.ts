import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApiEvent } from '../../shared/local/api-gateway-event';
import { createDevAuth } from '../../shared/local/dev-auth';
import type { LambdaHandler } from '../../shared/local/lambda-invoke';
import {
  type ErrorBody,
  type GatewayHarness,
  readJson,
  route,
  startGateway,
  TEST_INTERNAL_KEY,
} from './support/gateway-harness';

/** Local stand-ins for the API's JWT and IAM authorizers, and the dev token route. */

interface AuthorizerBody {
  authorizer: {
    jwt?: { claims: Record<string, string>; scopes: string[] | null };
    iam?: Record<string, unknown>;
  } | null;
}

const echoAuthorizer: LambdaHandler = async (event) => ({
  authorizer: (event as LocalApiEvent).requestContext.authorizer ?? null,
});

let gw: GatewayHarness;
beforeAll(async () => {
  gw = await startGateway(
    [
      route({ id: 'Me', path: '/v1/me', auth: 'jwt' }),
      route({ id: 'Internal', method: 'POST', path: '/v1/internal/things', auth: 'iam' }),
      route({ id: 'Docs', path: '/v1/docs', auth: 'public' }),
    ],
    { Me: echoAuthorizer, Internal: echoAuthorizer, Docs: echoAuthorizer },
  );
});
afterAll(() => gw.close());

const get = (path: string, authorization?: string) =>
  fetch(`${gw.url}${path}`, authorization ? { headers: { authorization } } : {});

async function devToken(userId: string): Promise<string> {
  const response = await fetch(`${gw.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: userId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe('jwt routes', () => {
  it('pass the dev token claims as the JWT authorizer context, claims as strings', async () => {
    const response = await get('/v1/me', `Bearer ${await devToken('user-42')}`);
    expect(response.status).toBe(200);
    const { authorizer } = await readJson<AuthorizerBody>(response);
    if (!authorizer?.jwt) throw new Error('no jwt authorizer context');
    expect(authorizer.jwt.scopes).toEqual(['openid']);
    expect(authorizer.jwt.claims).toMatchObject({ sub: 'user-42', iss: 'questline-local', aud: 'questline' });
    const lifetime = Number(authorizer.jwt.claims.exp) - Number(authorizer.jwt.claims.iat);
    expect(lifetime).toBe(12 * 60 * 60);
  });

  it.each([
    ['no header', undefined],
    ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
    ['garbage', 'Bearer not-a-jwt'],
    ['the internal key', `Bearer ${TEST_INTERNAL_KEY}`],
  ])('answer 401 in the error shape for %s', async (_, authorization) => {
    const response = await get('/v1/me', authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect((await readJson<ErrorBody>(response)).error.code).toBe('unauthorized');
  });

  it('refuse a token signed with another key', async () => {
    const other = createDevAuth({ signingKey: new TextEncoder().encode('o'.repeat(32)), internalKey: 'x' });
    const { token } = await other.issueToken('user-42');
    expect((await get('/v1/me', `Bearer ${token}`)).status).toBe(401);
  });

  it('refuse an expired token', async () => {
    const { token } = await gw.auth.issueToken('user-42', new Date(Date.now() - 13 * 60 * 60 * 1000));
    expect((await get('/v1/me', `Bearer ${token}`)).status).toBe(401);
  });

  it('refuse a token for another audience or issuer', async () => {
    const key = new TextEncoder().encode('k'.repeat(32));
    const sign = (iss: string, aud: string) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('user-42')
        .setIssuer(iss)
        .setAudience(aud)
        .setExpirationTime('1h')
        .sign(key);
    expect((await get('/v1/me', `Bearer ${await sign('questline-local', 'elsewhere')}`)).status).toBe(401);
    expect((await get('/v1/me', `Bearer ${await sign('someone', 'questline')}`)).status).toBe(401);
  });

  it("answer 403 for a valid token without the routes' scope: ID tokens are not API credentials", async () => {
    const idToken = await new SignJWT({ token_use: 'id', email: 'ada@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-42')
      .setIssuer('questline-local')
      .setAudience('questline')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('k'.repeat(32)));
    const response = await get('/v1/me', `Bearer ${idToken}`);
    expect(response.status).toBe(403);
    expect((await readJson<ErrorBody>(response)).error.code).toBe('forbidden');
  });
});

describe('iam (internal) routes', () => {
  const post = (authorization?: string) =>
    fetch(`${gw.url}/v1/internal/things`, {
      method: 'POST',
      ...(authorization ? { headers: { authorization } } : {}),
    });

  it('pass the IAM authorizer context with the internal key', async () => {
    const response = await post(`Bearer ${gw.internalKey}`);
    expect(response.status).toBe(200);
    expect((await readJson<AuthorizerBody>(response)).authorizer).toEqual({
      iam: expect.objectContaining({
        accountId: 'local',
        userId: 'local-internal',
        userArn: 'arn:aws:iam::000000000000:user/local-internal',
        cognitoIdentity: null,
        principalOrgId: null,
      }),
    });
  });

  it('answer 401 without the key, with a wrong key, or with a dev token', async () => {
    for (const authorization of [undefined, `Bearer ${gw.internalKey}x`, `Bearer ${await devToken('u1')}`]) {
      const response = await post(authorization);
      expect(response.status).toBe(401);
      expect((await readJson<ErrorBody>(response)).error.code).toBe('unauthorized');
    }
  });
});

describe('public routes and the dev token route', () => {
  it('invoke public routes without an authorizer', async () => {
    expect(await readJson<AuthorizerBody>(await get('/v1/docs'))).toEqual({ authorizer: null });
  });

  it.each([
    ['an empty user id', { user_id: '' }, 'user_id'],
    ['a user id with spaces', { user_id: 'a b' }, 'user_id'],
    ['a user id over 128 characters', { user_id: 'u'.repeat(129) }, 'user_id'],
    ['no user id', {}, 'user_id'],
  ])('refuse %s with 400 naming the field', async (_, body, field) => {
    const response = await fetch(`${gw.url}/dev/token`, { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    const { error } = await readJson<ErrorBody>(response);
    expect(error.code).toBe('validation_failed');
    expect(error.details?.map((d) => d.field)).toEqual([field]);
  });

  it('mints a token for any user id the API takes, an OIDC subject with | among them', async () => {
    const response = await get('/v1/me', `Bearer ${await devToken('auth0|5f7c8ec7c33c6c004bbafe82')}`);
    expect(response.status).toBe(200);
    const { authorizer } = await readJson<AuthorizerBody>(response);
    expect(authorizer?.jwt?.claims.sub).toBe('auth0|5f7c8ec7c33c6c004bbafe82');
  });

  it('refuse a body that is not JSON', async () => {
    const response = await fetch(`${gw.url}/dev/token`, { method: 'POST', body: 'user_id=u1' });
    expect(response.status).toBe(400);
    expect((await readJson<ErrorBody>(response)).error.details).toEqual([
      { field: 'body', message: 'not valid JSON' },
    ]);
  });

  it('answers 405 for GET /dev/token', async () => {
    expect((await get('/dev/token')).status).toBe(405);
  });
});
