import { type CfnElement, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiFunction } from '../../lib/constructs/api-function';
import { asList, type Statement, statementsOfRole } from './support/iam';
import { type BuiltApp, buildApp, resourceById, resourcesOf, single } from './support/synth';

const logicalId = (built: BuiltApp, construct: IConstruct) =>
  built.stateless.getLogicalId(construct.node.defaultChild as CfnElement);

/** Every statement of every policy attached to `fn`'s role. */
function statementsOf(built: BuiltApp, fn: ApiFunction): Statement[] {
  return statementsOfRole(built.statelessTemplate, logicalId(built, fn.role));
}

function variablesOf(built: BuiltApp, fn: ApiFunction): Record<string, unknown> {
  const resource = resourceById(built.statelessTemplate, 'AWS::Lambda::Function', logicalId(built, fn.fn));
  return (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

describe('WebSocket API', () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });

  const ws = () => built.stateless.webSocketApi;
  const handler = (routeKey: '$connect' | '$disconnect' | '$default') => {
    const fn = ws().functions.get(routeKey);
    if (!fn) throw new Error(`no handler for ${routeKey}`);
    return fn;
  };
  const notifier = () => {
    const fn = built.stateless.busRouting.functions.get('PushToUsers');
    if (!fn) throw new Error('no PushToUsers function');
    return fn;
  };
  const apiRef = () => ({ Ref: logicalId(built, ws().api) });
  const stage = () =>
    single(
      Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Stage')).filter(
        (s) => JSON.stringify(s.Properties.ApiId) === JSON.stringify(apiRef()),
      ),
      'WebSocket stage',
    );
  const tableArn = () => built.stateless.resolve(built.stateful.table.table.tableArn);
  /** POST to this API's live stage connections, written out. */
  const connectionsArn = (method: 'POST' | 'DELETE') => {
    const [partition, region, account] = ['Partition', 'Region', 'AccountId'].map((p) => ({
      Ref: `AWS::${p}`,
    }));
    const parts = ['arn:', partition, ':execute-api:', region, ':', account, ':', apiRef()];
    return { 'Fn::Join': ['', [...parts, `/live/${method}/@connections/*`]] };
  };

  it('is a WebSocket API with exactly the $connect, $disconnect and $default routes', () => {
    const api = resourceById(built.statelessTemplate, 'AWS::ApiGatewayV2::Api', apiRef().Ref);
    expect(api.Properties.ProtocolType).toBe('WEBSOCKET');
    expect(api.Properties.RouteSelectionExpression).toBe('$request.body.action');
    const keys = Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Route'))
      .filter((r) => JSON.stringify(r.Properties.ApiId) === JSON.stringify(apiRef()))
      .map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(['$connect', '$default', '$disconnect']);
  });

  describe.each(['$connect', '$disconnect', '$default'] as const)('route %s', (routeKey) => {
    const route = () =>
      single(
        Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Route')).filter(
          (r) => r.Properties.RouteKey === routeKey,
        ),
        `route ${routeKey}`,
      );

    it('integrates (Lambda proxy) with its own function', () => {
      expect(route().Properties.ApiId).toEqual(apiRef());
      const target = route().Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const integration = resourceById(
        built.statelessTemplate,
        'AWS::ApiGatewayV2::Integration',
        target['Fn::Join'][1][1].Ref,
      );
      expect(integration.Properties.IntegrationType).toBe('AWS_PROXY');
      const uri = JSON.stringify(integration.Properties.IntegrationUri);
      expect(uri).toContain(
        JSON.stringify({ 'Fn::GetAtt': [logicalId(built, handler(routeKey).fn), 'Arn'] }),
      );
    });

    it('has an authorizer only on $connect; the others are acknowledged for cdk-nag with the reason', () => {
      if (routeKey === '$connect') {
        expect(route().Properties.AuthorizationType).toBe('CUSTOM');
        return;
      }
      expect(route().Properties.AuthorizationType).toBe('NONE');
      const routeConstruct = ws().api.node.findChild(`${routeKey}-Route`);
      const acknowledged = routeConstruct.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) => Object.entries(m.data as Record<string, string>))
        .filter(([id]) => id.endsWith('AwsSolutions-APIG4'))
        .map(([, reason]) => reason);
      expect(single(acknowledged, 'APIG4 acknowledgement')).toMatch(/only at \$connect/);
    });
  });

  it("refuses a $connect without ?token= before any function runs: a REQUEST authorizer on the token's query parameter", () => {
    const connect = single(
      Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Route')).filter(
        (r) => r.Properties.RouteKey === '$connect',
      ),
      '$connect route',
    );
    const authorizer = resourceById(
      built.statelessTemplate,
      'AWS::ApiGatewayV2::Authorizer',
      (connect.Properties.AuthorizerId as { Ref: string }).Ref,
    );
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
    });
    expect(JSON.stringify(authorizer.Properties.AuthorizerUri)).toContain(
      logicalId(built, ws().authorizerFunction.fn),
    );
  });

  it('deploys the live stage automatically, throttled', () => {
    expect(stage().Properties.StageName).toBe('live');
    expect(stage().Properties.AutoDeploy).toBe(true);
    expect(stage().Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 100,
      ThrottlingBurstLimit: 200,
    });
  });

  it('logs access to its own log group, with the configured retention', () => {
    const settings = stage().Properties.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string] } };
    const logGroupId = settings.DestinationArn['Fn::GetAtt'][0];
    expect(logGroupId).toBe(logicalId(built, ws().node.findChild('AccessLogs')));
    const logGroup = resourceById(built.statelessTemplate, 'AWS::Logs::LogGroup', logGroupId);
    expect(logGroup.Properties.RetentionInDays).toBe(30);
  });

  it('logs each connect, message and disconnect as JSON, never the query string that carries the token', () => {
    const format = (stage().Properties.AccessLogSettings as { Format: string }).Format;
    expect(JSON.parse(format)).toEqual({
      requestId: '$context.requestId',
      connectionId: '$context.connectionId',
      routeKey: '$context.routeKey',
      eventType: '$context.eventType',
      status: '$context.status',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      integrationLatencyMs: '$context.integrationLatency',
      error: '$context.error.message',
    });
    expect(format.toLowerCase()).not.toMatch(/querystring|token|path/);
  });

  it('gives the authorizer the JWT issuer, audiences and scopes of the HTTP API, and nothing of the table', () => {
    const variables = variablesOf(built, ws().authorizerFunction);
    expect(variables.AUTH_ISSUER).toEqual(built.stateless.resolve(built.stateful.jwtAuth.issuer));
    const audiences = [
      ...built.stateful.jwtAuth.audiences,
      built.stateless.playerSignIn?.client.userPoolClientId,
    ];
    expect(variables.AUTH_AUDIENCE).toEqual(built.stateless.resolve(audiences.join(',')));
    expect(variables.AUTH_SCOPES).toBe('aws.cognito.signin.user.admin openid');
    expect(variables.TABLE_NAME).toBeUndefined();
    const statements = statementsOf(built, ws().authorizerFunction);
    expect(statements.filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')))).toEqual([]);
  });

  it('gives $connect the table and the management API to close with, and no token settings', () => {
    const variables = variablesOf(built, handler('$connect'));
    expect(variables.TABLE_NAME).toEqual(built.stateless.resolve(built.stateful.table.table.tableName));
    expect(variables.WS_CALLBACK_URL).toEqual(built.stateless.resolve(ws().stage.callbackUrl));
    expect(variables.AUTH_ISSUER).toBeUndefined();
  });

  it('gives $disconnect the table only', () => {
    const variables = variablesOf(built, handler('$disconnect'));
    expect(variables.TABLE_NAME).toEqual(built.stateless.resolve(built.stateful.table.table.tableName));
    expect(variables.AUTH_ISSUER).toBeUndefined();
    expect(variables.WS_CALLBACK_URL).toBeUndefined();
  });

  const dynamoActions = (fn: ApiFunction) =>
    statementsOf(built, fn).filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));

  it("gives $default and the notifier the stage's https callback URL", () => {
    const callbackUrl = built.stateless.resolve(ws().stage.callbackUrl);
    expect(JSON.stringify(callbackUrl)).toContain('https://');
    expect(JSON.stringify(callbackUrl)).toContain('/live');
    expect(variablesOf(built, handler('$default')).WS_CALLBACK_URL).toEqual(callbackUrl);
    // $default only answers pings: no table, no grant on it
    expect(variablesOf(built, handler('$default')).TABLE_NAME).toBeUndefined();
    expect(dynamoActions(handler('$default'))).toEqual([]);
    expect(variablesOf(built, notifier()).WS_CALLBACK_URL).toEqual(callbackUrl);
  });

  it('grants ManageConnections exactly to $default and the notifier (POST) and $connect (DELETE), on this stage only', () => {
    const granted = Object.values(resourcesOf(built.statelessTemplate, 'AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('execute-api:'),
    );
    const roles = granted.flatMap((p) => p.Properties.Roles as { Ref: string }[]).map((r) => r.Ref);
    const expected: [ApiFunction, 'POST' | 'DELETE'][] = [
      [handler('$default'), 'POST'],
      [notifier(), 'POST'],
      [handler('$connect'), 'DELETE'],
    ];
    expect(roles.sort()).toEqual(expected.map(([fn]) => logicalId(built, fn.role)).sort());
    for (const [fn, method] of expected) {
      const statements = statementsOf(built, fn).filter((s) =>
        asList(s.Action).some((a) => a.startsWith('execute-api:')),
      );
      const statement = single(statements, 'execute-api statement');
      expect(statement.Action).toBe('execute-api:ManageConnections');
      expect(statement.Resource).toEqual(connectionsArn(method));
    }
  });

  // Literal on purpose: a connection function must never reach a user's own partition (USER#...).
  const CONNECTION_PARTITIONS = {
    'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CONNS#*', 'CONN#*'] },
  };

  it.each([
    [
      '$connect',
      () => handler('$connect'),
      ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
    ],
    ['$disconnect', () => handler('$disconnect'), ['dynamodb:DeleteItem', 'dynamodb:GetItem']],
    ['the notifier', () => notifier(), ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:Query']],
  ])('lets %s do only its own work with connection items, in their partitions only', (_name, fn, actions) => {
    const statement = single(dynamoActions(fn()), 'DynamoDB statement');
    expect(asList(statement.Action).sort()).toEqual(actions);
    expect(statement.Resource).toEqual(tableArn());
    expect(statement.Condition).toEqual(CONNECTION_PARTITIONS);
  });

  it('outputs the wss URL of the stage', () => {
    const outputs = built.statelessTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
    const value = outputs.WebSocketUrl?.Value;
    expect(value).toEqual(built.stateless.resolve(ws().stage.url));
    expect(JSON.stringify(value)).toContain('wss://');
  });
});

describe('WebSocket API with an operator-supplied OIDC issuer', () => {
  it('gives the authorizer that issuer, every audience comma-separated, and its scopes', () => {
    const built = buildApp({
      questline: {
        auth: { issuer: 'https://id.example.com/', audiences: ['web', 'mobile'], scopes: ['play', 'openid'] },
      },
    });
    const variables = variablesOf(built, built.stateless.webSocketApi.authorizerFunction);
    expect(variables.AUTH_ISSUER).toBe('https://id.example.com/');
    expect(variables.AUTH_AUDIENCE).toBe('web,mobile');
    expect(variables.AUTH_SCOPES).toBe('play openid');
  });
});
