import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes';
import { type BuiltApp, buildApp, type CfnResource, resourcesOf } from './support/synth';

const expectedAuthorization = { jwt: 'JWT', iam: 'AWS_IAM', public: 'NONE' } as const;

describe('HTTP API', () => {
  let built: BuiltApp;
  let apiRoutes: Record<string, CfnResource>;
  let integrations: Record<string, CfnResource>;
  let functions: Record<string, CfnResource>;
  beforeAll(() => {
    built = buildApp();
    apiRoutes = resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Route');
    integrations = resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Integration');
    functions = resourcesOf(built.statelessTemplate, 'AWS::Lambda::Function');
  });

  function apiRouteFor(method: string, path: string): CfnResource {
    const matches = Object.values(apiRoutes).filter((r) => r.Properties.RouteKey === `${method} ${path}`);
    expect(matches, `one API route for ${method} ${path}`).toHaveLength(1);
    return matches[0]!;
  }

  /** Route -> integration -> the logical id of the function it invokes. */
  function functionIdBehind(apiRoute: CfnResource): string {
    const target = apiRoute.Properties.Target as { 'Fn::Join': [string, unknown[]] };
    const integrationRef = target['Fn::Join'][1][1] as { Ref: string };
    const integration = integrations[integrationRef.Ref]!;
    const uri = integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
    return uri['Fn::GetAtt'][0];
  }

  it('has exactly the routes of the route table', () => {
    const keys = Object.values(apiRoutes)
      .map((r) => r.Properties.RouteKey)
      .sort();
    expect(keys).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('gives every route its own function, and has no other function', () => {
    const behind = routes.map((r) => functionIdBehind(apiRouteFor(r.method, r.path)));
    expect(new Set(behind).size).toBe(routes.length);
    expect(Object.keys(functions).sort()).toEqual([...behind].sort());
  });

  describe.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_key, route) => {
    it(`is protected by its '${route.auth}' auth kind`, () => {
      const apiRoute = apiRouteFor(route.method, route.path);
      expect(apiRoute.Properties.AuthorizationType).toBe(expectedAuthorization[route.auth]);
      if (route.auth === 'jwt') {
        const authorizerRef = apiRoute.Properties.AuthorizerId as { Ref: string };
        const authorizer = resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Authorizer')[authorizerRef.Ref];
        expect(authorizer?.Properties.AuthorizerType).toBe('JWT');
      } else {
        expect(apiRoute.Properties.AuthorizerId).toBeUndefined();
      }
    });

    it('invokes the function made for it, described by the route summary', () => {
      const fn = built.stateless.httpApi.functions.get(route.id)!;
      const logicalId = built.stateless.getLogicalId(fn.fn.node.defaultChild as CfnElement);
      expect(functionIdBehind(apiRouteFor(route.method, route.path))).toBe(logicalId);
      expect(functions[logicalId]?.Properties.Description).toBe(route.summary);
    });
  });

  it('trusts the user pool as the JWT issuer, with the app client as audience', () => {
    const authorizers = Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Authorizer'));
    expect(authorizers).toHaveLength(1);
    const config = authorizers[0]!.Properties.JwtConfiguration as { Issuer: unknown; Audience: unknown[] };
    const pool = built.stateful.userPool!;
    expect(config.Issuer).toEqual(built.stateless.resolve(`https://${pool.pool.userPoolProviderUrl}`));
    expect(config.Audience).toEqual([built.stateless.resolve(pool.client.userPoolClientId)]);
  });

  it('logs every request of the stage to a log group with the configured retention', () => {
    const stages = Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const settings = stages[0]!.Properties.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string] } };
    const logGroupId = settings.DestinationArn['Fn::GetAtt'][0];
    const logGroup = resourcesOf(built.statelessTemplate, 'AWS::Logs::LogGroup')[logGroupId];
    expect(logGroup?.Properties.RetentionInDays).toBe(30);
  });

  it('throttles the stage', () => {
    const stage = Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Stage'))[0]!;
    const defaults = stage.Properties.DefaultRouteSettings as Record<string, number>;
    expect(defaults.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(defaults.ThrottlingBurstLimit).toBeGreaterThanOrEqual(defaults.ThrottlingRateLimit!);
  });

  it('outputs the API URL', () => {
    expect(Object.keys(built.statelessTemplate.toJSON().Outputs ?? {})).toContain('ApiUrl');
  });
});
