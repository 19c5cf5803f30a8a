import { Annotations, Lazy } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DashboardConfig } from '../config';
import { DashboardSignIn } from './dashboard-sign-in';
import { DashboardSite } from './dashboard-site';
import type { SceneImages } from './scene-images';

export interface PlayerDashboard {
  site: DashboardSite;
  /** the Cognito hosted UI's client, when the stack has the pool */
  signIn?: DashboardSignIn;
  /** the audience the APIs' authorizers must also accept */
  clientId?: string;
  /** what the site's config.json says about signing in; absent: nothing is deployed */
  auth?: Record<string, unknown>;
}

/**
 * The player's dashboard site, and how its players sign in: the Cognito
 * hosted UI (a client of its own on the stack's user pool), or the
 * operator's OIDC issuer (`dashboard.oidc`). With neither, the site stands
 * but nothing is deployed to it, and synth says why. The APIs' endpoints are
 * read lazily: the APIs are made after the site, whose URL their
 * authorizers' audience follows.
 */
export function playerDashboard(
  scope: Construct,
  props: {
    dashboard: DashboardConfig;
    userPool?: IUserPool;
    sceneImages: SceneImages;
    logRetention: RetentionDays;
    endpoints: { api: () => string; ws: () => string };
  },
): PlayerDashboard {
  let signIn: DashboardSignIn | undefined;
  const tokenOrigin = props.dashboard.oidc
    ? new URL(props.dashboard.oidc.tokenUrl).origin
    : Lazy.string({ produce: () => signIn?.domain.baseUrl() ?? '' });
  const site = new DashboardSite(scope, 'Dashboard', {
    connectOrigins: [
      Lazy.string({ produce: props.endpoints.api }),
      Lazy.string({ produce: props.endpoints.ws }),
      tokenOrigin,
    ],
    imageOrigins: [props.sceneImages.baseUrl],
    logRetention: props.logRetention,
  });
  if (props.dashboard.oidc) return { site, auth: { kind: 'oidc', ...props.dashboard.oidc } };
  if (!props.userPool) {
    Annotations.of(site).addWarningV2(
      'questline:dashboard-sign-in',
      'The dashboard is not deployed: with your own `auth` issuer, set `dashboard.oidc` (its endpoints and a public client id) so players can sign in.',
    );
    return { site };
  }
  signIn = new DashboardSignIn(scope, 'DashboardSignIn', {
    userPool: props.userPool,
    dashboardUrl: site.url,
    ...(props.dashboard.authDomainPrefix && { domainPrefix: props.dashboard.authDomainPrefix }),
  });
  return { site, signIn, clientId: signIn.client.userPoolClientId, auth: signIn.authConfig() };
}
