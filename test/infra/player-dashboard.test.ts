import type { CfnElement } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp, type CfnResource, resourcesOf, single } from './support/synth';

/** The player's dashboard on AWS: site, headers, config written at deploy, sign-in, CORS. */
describe("the player's dashboard on AWS", () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });
  const id = (element: unknown) => built.stateless.getLogicalId(element as CfnElement);
  const only = (type: string) => single(Object.values(resourcesOf(built.statelessTemplate, type)), type);
  const csp = () => {
    const policy = only('AWS::CloudFront::ResponseHeadersPolicy').Properties as {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } };
      };
    };
    return JSON.stringify(policy.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
  };

  it('serves the page from a private bucket through Origin Access Control, HTTPS, logged', () => {
    const site = built.stateless.playerSite;
    const bucket = resourcesOf(built.statelessTemplate, 'AWS::S3::Bucket')[id(site.bucket.node.defaultChild)];
    expect(bucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: expect.any(Object),
      LoggingConfiguration: expect.any(Object),
    });
    const cdn = resourcesOf(built.statelessTemplate, 'AWS::CloudFront::Distribution')[
      id(site.distribution.node.defaultChild)
    ];
    const config = cdn?.Properties.DistributionConfig as Record<string, unknown> & {
      Origins: { OriginAccessControlId?: unknown }[];
      DefaultCacheBehavior: Record<string, unknown>;
    };
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Logging).toBeDefined();
    expect(config.Origins[0]?.OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: { Ref: expect.stringMatching(/^DashboardSecurityHeaders/) },
    });
    expect(built.statelessTemplate.toJSON().Outputs.DashboardUrl).toBeDefined();
  });

  it('lets the page run only its own code and reach only the API, the WebSocket, sign-in and the scenes', () => {
    const policy = csp();
    expect(policy).toContain("default-src 'none'; script-src 'self'; style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/connect-src[^;]*\*/);
    expect(policy).toContain(
      JSON.stringify({ 'Fn::GetAtt': [id(built.stateless.httpApi.api.node.defaultChild), 'ApiEndpoint'] }),
    );
    expect(policy).toContain(
      JSON.stringify({
        'Fn::GetAtt': [id(built.stateless.webSocketApi.api.node.defaultChild), 'ApiEndpoint'],
      }),
    );
    expect(policy).toContain('.amazoncognito.com');
    expect(policy).toContain('SceneImagesCdn');
  });

  it('writes config.json at deploy time with the API, the WebSocket and the sign-in client', () => {
    const deployment = only('Custom::CDKBucketDeployment').Properties as {
      SourceMarkers: Record<string, unknown>[];
    };
    const markers = JSON.stringify(deployment.SourceMarkers);
    expect(markers).toContain(`"Ref":"${id(built.stateless.httpApi.api.node.defaultChild)}"`);
    expect(markers).toContain(`"Ref":"${id(built.stateless.webSocketApi.api.node.defaultChild)}"`);
    expect(markers).toContain(`"Ref":"${id(built.stateless.playerSignIn?.client.node.defaultChild)}"`);
  });

  it('signs players in with the authorization code flow (PKCE, no secret), back to the dashboard only', () => {
    const client = only('AWS::Cognito::UserPoolClient').Properties;
    expect(client).toMatchObject({ AllowedOAuthFlows: ['code'], GenerateSecret: false });
    expect(JSON.stringify(client.CallbackURLs)).toContain(
      id(built.stateless.playerSite.distribution.node.defaultChild),
    );
    expect(only('AWS::Cognito::UserPoolDomain').Properties.Domain).toBeDefined();
  });

  it('answers browsers of other origins (CORS) with the headers the page sends and reads', () => {
    const api = resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Api')[
      id(built.stateless.httpApi.api.node.defaultChild)
    ] as CfnResource;
    expect(api.Properties.CorsConfiguration).toMatchObject({
      AllowHeaders: ['authorization', 'content-type', 'idempotency-key'],
      ExposeHeaders: ['retry-after', 'location'],
    });
  });

  it("with the operator's own issuer, deploys with its endpoints, or says why it cannot", () => {
    const auth = { issuer: 'https://id.example.com', audiences: ['questline'] };
    const withOidc = buildApp({
      questline: {
        auth,
        dashboard: {
          oidc: {
            authorizeUrl: 'https://id.example.com/authorize',
            tokenUrl: 'https://login.example.com/token',
            clientId: 'dashboard',
          },
        },
      },
    });
    expect(Object.keys(resourcesOf(withOidc.statelessTemplate, 'Custom::CDKBucketDeployment'))).toHaveLength(
      1,
    );
    expect(
      JSON.stringify(resourcesOf(withOidc.statelessTemplate, 'AWS::CloudFront::ResponseHeadersPolicy')),
    ).toContain('https://login.example.com');
    const without = buildApp({ questline: { auth } });
    expect(Object.keys(resourcesOf(without.statelessTemplate, 'Custom::CDKBucketDeployment'))).toHaveLength(
      0,
    );
    Annotations.fromStack(without.stateless).hasWarning('*', Match.stringLikeRegexp('set `dashboard.oidc`'));
  });
});
