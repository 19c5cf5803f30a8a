/** Who is signed in: the bearer token and its subject, held in memory only (never in any storage). */
export interface Session {
  token: string;
  userId: string;
  /** epoch ms; the page signs in again after it */
  expiresAt: number;
}

/** The `sub` and `exp` of a JWT, read without verifying (the API verifies; this is for display). */
export function sessionFromToken(token: string): Session {
  const [, payload = ''] = token.split('.');
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
    sub?: string;
    exp?: number;
  };
  return { token, userId: claims.sub ?? 'unknown', expiresAt: (claims.exp ?? 0) * 1000 };
}
