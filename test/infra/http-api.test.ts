import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes';
import { tableStreamConsumers } from '../../shared/streams/table-stream-consumers';
import {
  type BuiltApp,
  buildApp,
  type CfnResource,
  questlineFunctionIds,
  resourceById,
  resourcesOf,
  routeFunction,
  single,
} from './support/synth';

const expectedAuthorization = { jwt: 'JWT', iam: 'AWS_IAM', public: 'NONE' } as const;

describe('HTTP API', () => {
  let built: BuiltApp;
  let apiRoutes: CfnResource[];
  beforeAll(() => {
    built = buildApp();
    apiRoutes = ofHttpApi(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Route'));
  });

  const apiRouteFor = (method: string, path: string) =>
    single(
      apiRoutes.filter((r) => r.Properties.RouteKey === `${method} ${path}`),
      `API route ${method} ${path}`,
    );

  /** Route -> integration -> the logical id of the function it invokes. */
  function functionIdBehind(apiRoute: CfnResource): string {
    const target = apiRoute.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
    const integrationId = target['Fn::Join'][1][1].Ref;
    const integration = resourceById(
      built.statelessTemplate,
      'AWS::ApiGatewayV2::Integration',
      integrationId,
    );
    return (integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  }

  /** The stack also holds the WebSocket API (websocket-api.test.ts): keep this API's resources only. */
  function ofHttpApi(resources: Record<string, CfnResource>): CfnResource[] {
    const apiRef = JSON.stringify({
      Ref: built.stateless.getLogicalId(built.stateless.httpApi.api.node.defaultChild as CfnElement),
    });
    return Object.values(resources).filter((r) => JSON.stringify(r.Properties.ApiId) === apiRef);
  }

  const stage = () =>
    single(ofHttpApi(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Stage')), 'stage');

  it('has exactly the routes of the route table', () => {
    const keys = apiRoutes.map((r) => r.Properties.RouteKey).sort();
    expect(keys).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('gives every route its own function; the only others are the stream consumers, the bus targets, the WebSocket handlers, the scene tasks and the rules backfill', () => {
    const behind = routes.map((r) => functionIdBehind(apiRouteFor(r.method, r.path)));
    expect(new Set(behind).size).toBe(routes.length);
    const consumers = tableStreamConsumers.map((c) =>
      built.stateless.getLogicalId(
        built.stateless.streamConsumers.get(c.id)?.fn.fn.node.defaultChild as CfnElement,
      ),
    );
    const busTargets = [...built.stateless.busRouting.functions.values()].map((fn) =>
      built.stateless.getLogicalId(fn.fn.node.defaultChild as CfnElement),
    );
    const webSocketHandlers = [
      ...built.stateless.webSocketApi.functions.values(),
      built.stateless.webSocketApi.authorizerFunction,
    ].map((fn) => built.stateless.getLogicalId(fn.fn.node.defaultChild as CfnElement));
    const sceneTasks = [...built.stateless.sceneWorkflow.functions.values()].map((fn) =>
      built.stateless.getLogicalId(fn.fn.node.defaultChild as CfnElement),
    );
    const backfill = built.stateless.getLogicalId(
      built.stateless.rulesBackfill.fn.fn.node.defaultChild as CfnElement,
    );
    const functions = questlineFunctionIds(built.statelessTemplate);
    expect(functions.sort()).toEqual(
      [...behind, ...consumers, ...busTargets, ...webSocketHandlers, ...sceneTasks, backfill].sort(),
    );
  });

  describe.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_key, route) => {
    it(`is protected by its '${route.auth}' auth kind`, () => {
      const apiRoute = apiRouteFor(route.method, route.path);
      expect(apiRoute.Properties.AuthorizationType).toBe(expectedAuthorization[route.auth]);
      if (route.auth === 'jwt') {
        const authorizerId = (apiRoute.Properties.AuthorizerId as { Ref: string }).Ref;
        const authorizer = resourceById(
          built.statelessTemplate,
          'AWS::ApiGatewayV2::Authorizer',
          authorizerId,
        );
        expect(authorizer.Properties.AuthorizerType).toBe('JWT');
        // access tokens only: the pool's ID tokens carry no scope
        expect(apiRoute.Properties.AuthorizationScopes).toEqual(['aws.cognito.signin.user.admin', 'openid']);
      } else {
        expect(apiRoute.Properties.AuthorizerId).toBeUndefined();
        expect(apiRoute.Properties.AuthorizationScopes).toBeUndefined();
      }
    });

    it('invokes the function made for it, described by the route summary', () => {
      const { functionId } = routeFunction(built, route.id);
      expect(functionIdBehind(apiRouteFor(route.method, route.path))).toBe(functionId);
      const fn = resourceById(built.statelessTemplate, 'AWS::Lambda::Function', functionId);
      expect(fn.Properties.Description).toBe(route.summary);
    });
  });

  it("trusts the user pool as the JWT issuer, with the app's and the dashboard's clients as audiences", () => {
    const authorizer = single(
      Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Authorizer')).filter(
        (a) => a.Properties.AuthorizerType === 'JWT',
      ),
      'JWT authorizer',
    );
    const config = authorizer.Properties.JwtConfiguration as { Issuer: unknown; Audience: unknown[] };
    const pool = built.stateful.userPool;
    if (!pool) throw new Error('the default app has a user pool');
    expect(config.Issuer).toEqual(built.stateless.resolve(`https://${pool.pool.userPoolProviderUrl}`));
    expect(config.Audience).toEqual([
      built.stateless.resolve(pool.client.userPoolClientId),
      built.stateless.resolve(built.stateless.playerSignIn?.client.userPoolClientId),
    ]);
  });

  it('logs every request of the stage to a log group with the configured retention', () => {
    const settings = stage().Properties.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string] } };
    const logGroupId = settings.DestinationArn['Fn::GetAtt'][0];
    const logGroup = resourceById(built.statelessTemplate, 'AWS::Logs::LogGroup', logGroupId);
    expect(logGroup.Properties.RetentionInDays).toBe(30);
  });

  it('throttles the stage', () => {
    const settings = stage().Properties.DefaultRouteSettings as {
      ThrottlingRateLimit: number;
      ThrottlingBurstLimit: number;
    };
    expect(settings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(settings.ThrottlingBurstLimit).toBeGreaterThanOrEqual(settings.ThrottlingRateLimit);
  });

  it('outputs the API URL', () => {
    expect(Object.keys(built.statelessTemplate.toJSON().Outputs ?? {})).toContain('ApiUrl');
  });
});
