import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { JwtAuthConfig } from '../config';

export interface GameUserPoolProps {
  deletionProtection: boolean;
}

/** Every access token of the pool carries one of these; its ID tokens none. */
export const COGNITO_ACCESS_SCOPES = ['aws.cognito.signin.user.admin', 'openid'] as const;

/**
 * The default identity provider for end users, used when the operator brings
 * no OIDC issuer of their own. The user id everywhere is the token's `sub`.
 */
export class GameUserPool extends Construct {
  readonly pool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: GameUserPoolProps) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      // Players of the operator's product sign themselves up; email proves they own the address.
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: props.deletionProtection,
      // Accounts are state: losing them strands every player's progress.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = this.pool.addClient('AppClient', {
      // A public client (browser or mobile app): it cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      // No hosted UI here, so no OAuth callback URLs to guess at.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    Validations.of(this.pool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is offered (TOTP, optional) but not forced on players of a game; operators who need mandatory MFA bring their own OIDC issuer through the `questline.auth` context.',
    });
    Validations.of(this.pool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Threat protection needs the Plus feature plan, priced per monthly active user above Essentials: a cost decision for the operator (switch featurePlan, or bring their own issuer), so the default pool stays on Essentials.',
    });
  }

  /** What API Gateway's JWT authorizer checks: this pool's issuer, this client as audience. */
  jwtAuth(): JwtAuthConfig {
    return {
      issuer: `https://${this.pool.userPoolProviderUrl}`,
      audiences: [this.client.userPoolClientId],
      // Access tokens only: the pool's ID tokens carry no scope. An app's SRP
      // sign-in gets aws.cognito.signin.user.admin, the dashboard's hosted UI openid.
      scopes: [...COGNITO_ACCESS_SCOPES],
    };
  }
}
