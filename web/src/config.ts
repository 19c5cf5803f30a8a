/**
 * The dashboard's runtime config, `config.json` beside the page: written by
 * `npm start` locally and at deploy time on AWS, never baked into the bundle,
 * so one build serves any deployment.
 */
export type AuthConfig =
  | {
      /** local: a user picker that gets a dev token from the local runtime */
      kind: 'dev';
      tokenUrl: string;
      /** local only: the internal key, for the "send a demo activity" button */
      demoKey?: string;
    }
  | {
      /** Cognito's hosted UI, or any OIDC issuer: authorization code with PKCE */
      kind: 'oidc';
      authorizeUrl: string;
      tokenUrl: string;
      clientId: string;
      scopes: string[];
      logoutUrl?: string;
    };

export interface WebConfig {
  apiUrl: string;
  wsUrl: string;
  auth: AuthConfig;
}

export async function loadConfig(): Promise<WebConfig> {
  const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return (await response.json()) as WebConfig;
}
