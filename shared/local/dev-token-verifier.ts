import { UnauthorizedError } from '../domain/errors';
import type { TokenVerifier } from '../ports/realtime';
import type { DevAuth } from './dev-auth';

/** The WebSocket $connect's token check, locally: the same dev tokens the HTTP routes take. */
export function devTokenVerifier(auth: DevAuth): TokenVerifier {
  return {
    async verify(token) {
      const authorizer = await auth.authorizeJwt(`Bearer ${token}`);
      const sub = typeof authorizer === 'object' ? authorizer?.jwt.claims.sub : undefined;
      if (typeof sub !== 'string' || sub === '') throw new UnauthorizedError('not a valid dev token');
      return sub;
    },
  };
}
