import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `Questline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`,
 * one v1 per secret in force (two while a rotated secret's grace runs), so a
 * receiver checking either secret accepts it. The timestamp is signed too:
 * a receiver refusing old ones refuses replays.
 */

export const SIGNATURE_HEADER = 'questline-signature';

export function signatureOf(body: string, secrets: readonly string[], at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return [`t=${t}`, ...secrets.map((secret) => `v1=${hmac(secret, `${t}.${body}`)}`)].join(',');
}

/** Whether `header` signs `body` with `secret`, within `toleranceSeconds` of `now`. */
export function verifySignature(
  header: string,
  body: string,
  secret: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const parts = header.split(',').map((part) => part.split('='));
  const t = Number(parts.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, `${t}.${body}`), 'hex');
  return parts
    .filter(([key]) => key === 'v1')
    .some(([, value]) => {
      const given = Buffer.from(value ?? '', 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

function hmac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}
