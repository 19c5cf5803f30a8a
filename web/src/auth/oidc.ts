import type { AuthConfig } from '../config';
import { type Session, sessionFromToken } from './session';

type OidcConfig = Extract<AuthConfig, { kind: 'oidc' }>;

/**
 * Sign-in through Cognito's hosted UI (or another OIDC issuer) with the
 * authorization code flow and PKCE. Only the one-time verifier and state
 * wait in sessionStorage across the redirect; the tokens stay in memory.
 */

const PENDING = 'questline.pkce';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const redirectUri = () => `${location.origin}${location.pathname}`;

export async function startSignIn(config: OidcConfig): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(config.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * Ends the issuer's session too (Cognito's /logout, with the client and the
 * page to come back to), so the next sign-in asks again; the page's own
 * tokens are gone with its memory.
 */
export function signOut(config: OidcConfig): void {
  if (!config.logoutUrl) {
    location.assign(redirectUri());
    return;
  }
  const url = new URL(config.logoutUrl);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('logout_uri', redirectUri());
  location.assign(url.toString());
}

/** After the redirect back: trades the code for tokens. Null when this page load is no redirect. */
export async function finishSignIn(config: OidcConfig): Promise<Session | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const pending = sessionStorage.getItem(PENDING);
  if (!code || !pending) return null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri());
  const { verifier, state } = JSON.parse(pending) as { verifier: string; state: string };
  if (params.get('state') !== state) throw new Error('the sign-in answer does not match the request (state)');
  const response = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: verifier,
    }),
  });
  if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
  const tokens = (await response.json()) as { access_token: string };
  return sessionFromToken(tokens.access_token);
}
