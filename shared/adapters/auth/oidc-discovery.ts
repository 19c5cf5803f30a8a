import type { Fetcher } from 'aws-jwt-verify/https';
import * as z from 'zod';

/** A Cognito user pool publishes its keys at `<issuer>/.well-known/jwks.json`: no lookup needed. */
const COGNITO_ISSUER = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[\w-]+$/;

const metadataSchema = z.object({
  issuer: z.string(),
  jwks_uri: z.url({ protocol: /^https$/, error: 'jwks_uri must be an https URL' }),
});

/**
 * Where an issuer publishes its signing keys. Cognito's place is known; any
 * other OIDC issuer says in its discovery document
 * (`<issuer>/.well-known/openid-configuration`, OpenID Connect Discovery
 * 1.0), whose `issuer` must be the very issuer asked about (section 4.3).
 */
export async function jwksUriOf(issuer: string, fetcher: Fetcher): Promise<string> {
  if (COGNITO_ISSUER.test(issuer)) return `${issuer}/.well-known/jwks.json`;
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const body = new TextDecoder().decode(await fetcher.fetch(url));
  const metadata = metadataSchema.safeParse(JSON.parse(body));
  if (!metadata.success) {
    throw new Error(`${url} is no OpenID provider metadata: ${metadata.error.issues[0]?.message}`);
  }
  if (metadata.data.issuer !== issuer) {
    throw new Error(`${url} names issuer ${metadata.data.issuer}, not ${issuer}`);
  }
  return metadata.data.jwks_uri;
}
