import { createHash } from 'node:crypto';

/**
 * The id a leaderboard shows for a user: a hash of the user id, never the
 * user id itself (the token subject, which other systems may use to look the
 * user up, and which for some issuers names the identity provider and
 * account). Stable, so a client can follow a player from one board to the
 * next; 128 bits, so players do not collide. It hides random user ids
 * (Cognito's UUIDs and most OIDC subjects); where user ids can be guessed
 * (user-1, user-2...), anyone can compute a guess's player id and find that
 * user's row, though never their user id from a row.
 */
export function playerIdOf(userId: string): string {
  const digest = createHash('sha256').update(`questline player\0${userId}`).digest('base64url');
  return `p_${digest.slice(0, 22)}`;
}
