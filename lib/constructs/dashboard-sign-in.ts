import { Duration, Stack } from 'aws-cdk-lib';
import { type IUserPool, OAuthScope, UserPoolClient, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface DashboardSignInProps {
  userPool: IUserPool;
  /** the dashboard's URL: the only place the hosted UI sends codes back to */
  dashboardUrl: string;
  /** the hosted UI's domain prefix (unique in the region); default questline-<account id> */
  domainPrefix?: string;
}

/**
 * Sign-in for the dashboard on the Cognito user pool: the hosted UI (a
 * Cognito domain) and a public app client for the authorization code flow
 * with PKCE, sending codes back to the dashboard's URL and nowhere else.
 * Its client id joins the audiences the APIs accept.
 */
export class DashboardSignIn extends Construct {
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: DashboardSignInProps) {
    super(scope, id);
    this.domain = new UserPoolDomain(this, 'Domain', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `questline-${Stack.of(this).account}` },
    });
    this.client = new UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      // a browser cannot keep a secret: PKCE stands in for it
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [props.dashboardUrl],
        logoutUrls: [props.dashboardUrl],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
  }

  /** The dashboard's sign-in settings (config.json `auth`). */
  authConfig() {
    const base = this.domain.baseUrl();
    return {
      kind: 'oidc',
      authorizeUrl: `${base}/oauth2/authorize`,
      tokenUrl: `${base}/oauth2/token`,
      clientId: this.client.userPoolClientId,
      scopes: ['openid', 'email', 'profile'],
      logoutUrl: `${base}/logout`,
    };
  }
}
