import { CfnOutput, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  LogGroupLogDestination,
  WebSocketApi,
  type WebSocketRoute,
  WebSocketStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { connectionPartitionPrefixes } from '../../shared/adapters/dynamo/connection-keys';
import {
  WEBSOCKET_STAGE_NAME,
  type WebSocketRouteKey,
  webSocketAuthorizer,
  webSocketRoutes,
} from '../../shared/realtime/websocket-routes';
import type { JwtAuthConfig } from '../config';
import { functionErrorsAlarm } from './alarm';
import { ApiFunction, type ApiFunctionDefaults } from './api-function';
import type { GameTable } from './game-table';
import { acknowledgeWildcardResource } from './nag-findings';

export interface QuestlineWebSocketApiProps {
  table: GameTable;
  /** who the $connect handler trusts for end-user tokens (the HTTP API's issuer and audiences) */
  jwt: JwtAuthConfig;
  functionDefaults: ApiFunctionDefaults;
}

/** Partition key patterns of a connection's two items (shared/adapters/dynamo/keys.ts): no user's own partition. */
export const CONNECTION_PARTITIONS = connectionPartitionPrefixes.map((prefix) => `${prefix}*`);

/**
 * What each function does with connection items, and nothing else: $connect
 * writes a connection's two items (one transaction of two puts), lists the
 * user's connections and forgets the oldest beyond the cap; $disconnect
 * reads the owner item and deletes both; the notifier lists a user's
 * connections and forgets the gone ones as $disconnect does.
 */
export const CONNECTION_ACTIONS = {
  connect: ['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:DeleteItem'],
  disconnect: ['dynamodb:GetItem', 'dynamodb:DeleteItem'],
  notify: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:DeleteItem'],
} as const;

/**
 * Pushes are a few per activity per open tab; these limits leave room for a
 * burst of reconnects after a deploy while capping what one client can cost.
 */
const STAGE_THROTTLE = { rateLimit: 100, burstLimit: 200 };

/**
 * One line per connect, message and disconnect. Deliberately no request
 * path or query string: the end-user token travels in `?token=` on $connect,
 * and a token in a log is a credential in a log.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    connectionId: '$context.connectionId',
    routeKey: '$context.routeKey',
    eventType: '$context.eventType',
    status: '$context.status',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    integrationLatencyMs: '$context.integrationLatency',
    error: '$context.error.message',
  }),
);

/**
 * The realtime API: a WebSocket API whose $connect verifies the end-user
 * token in its handler (aws-jwt-verify, same issuer and audiences as the
 * HTTP API), a `live` stage with throttling and access logs, and the
 * management API (POST /@connections/{id}) granted to whoever pushes.
 */
export class QuestlineWebSocketApi extends Construct {
  readonly api: WebSocketApi;
  readonly stage: WebSocketStage;
  readonly functions = new Map<WebSocketRouteKey, ApiFunction>();
  /** $connect's REQUEST authorizer (functions/ws/authorize.ts) */
  readonly authorizerFunction: ApiFunction;
  private readonly table: GameTable;

  constructor(scope: Construct, id: string, props: QuestlineWebSocketApiProps) {
    super(scope, id);
    this.table = props.table;
    this.api = new WebSocketApi(this, 'Api', {
      description: 'Questline realtime pushes (WebSocket)',
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.functionDefaults.logRetention });
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: WEBSOCKET_STAGE_NAME,
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    this.authorizerFunction = new ApiFunction(this, webSocketAuthorizer.id, {
      ...props.functionDefaults,
      entry: webSocketAuthorizer.entry,
      description: webSocketAuthorizer.description,
    });
    functionErrorsAlarm(
      this,
      `${webSocketAuthorizer.id}Errors`,
      webSocketAuthorizer.id,
      this.authorizerFunction.fn,
    );
    const verifier = this.authorizerFunction.fn;
    verifier.addEnvironment('AUTH_ISSUER', props.jwt.issuer);
    verifier.addEnvironment('AUTH_AUDIENCE', props.jwt.audiences.join(','));
    if (props.jwt.scopes.length > 0) verifier.addEnvironment('AUTH_SCOPES', props.jwt.scopes.join(' '));
    // No result cache: API Gateway caches authorizer results for HTTP APIs only, not WebSocket APIs.
    const authorizer = new WebSocketLambdaAuthorizer(`${webSocketAuthorizer.id}Authorizer`, verifier, {
      identitySource: [`route.request.querystring.${webSocketAuthorizer.tokenQueryParameter}`],
    });

    for (const definition of webSocketRoutes) {
      const fn = new ApiFunction(this, definition.id, {
        ...props.functionDefaults,
        entry: definition.entry,
        description: definition.description,
      });
      this.functions.set(definition.routeKey, fn);
      functionErrorsAlarm(this, `${definition.id}Errors`, definition.id, fn.fn);
      const route = this.api.addRoute(definition.routeKey, {
        integration: new WebSocketLambdaIntegration(`${definition.id}Integration`, fn.fn),
        ...(definition.routeKey === '$connect' && { authorizer }),
      });
      if (definition.routeKey !== '$connect') acknowledgeNoAuthorizer(route, definition.routeKey);
    }

    const connect = this.handlerOf('$connect');
    this.grantConnections(connect.fn, CONNECTION_ACTIONS.connect);
    // closes a user's oldest connections beyond the cap (shared/realtime/limits.ts)
    this.grantManaging(connect, 'DELETE');

    const disconnect = this.handlerOf('$disconnect');
    this.grantConnections(disconnect.fn, CONNECTION_ACTIONS.disconnect);

    this.grantPosting(this.handlerOf('$default'));

    new CfnOutput(this, 'WebSocketUrl', {
      key: 'WebSocketUrl',
      value: this.stage.url,
      description: 'WebSocket URL for realtime pushes (connect with ?token=<JWT>)',
    });
  }

  /**
   * Lets `fn` push to this API's connections and forget the gone ones: the
   * stage's callback URL as WS_CALLBACK_URL, POST on @connections, and the
   * listing and deleting of connection items (no other table access).
   */
  connectNotifier(notifier: ApiFunction): void {
    this.grantPosting(notifier);
    this.grantConnections(notifier.fn, CONNECTION_ACTIONS.notify);
  }

  private handlerOf(routeKey: WebSocketRouteKey): ApiFunction {
    const fn = this.functions.get(routeKey);
    if (!fn) throw new Error(`no WebSocket handler for ${routeKey}`);
    return fn;
  }

  private grantPosting(fn: ApiFunction): void {
    this.grantManaging(fn, 'POST');
  }

  /**
   * One method of the management API on this API's stage only: POST (push a
   * frame) or DELETE (close a connection). Not stage.grantManagementApiAccess:
   * that allows every method.
   */
  private grantManaging(fn: ApiFunction, method: 'POST' | 'DELETE'): void {
    const arn = this.connectionsArn(method);
    fn.fn.addEnvironment('WS_CALLBACK_URL', this.stage.callbackUrl);
    fn.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['execute-api:ManageConnections'], resources: [arn] }),
    );
    const policy = fn.role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      acknowledgeWildcardResource(
        policy,
        arn,
        `Connection ids are made by API Gateway at $connect, so no ARN can name them ahead: the grant is ${method} to connections of this API and stage only (no other method, API or stage).`,
      );
    }
  }

  /** The ARN API Gateway authorizes a POST to any connection of this stage against. */
  postToConnectionsArn(): string {
    return this.connectionsArn('POST');
  }

  /** The ARN API Gateway authorizes `method` on any connection of this stage against. */
  connectionsArn(method: 'POST' | 'DELETE'): string {
    const apiArn = this.api.stack.formatArn({ service: 'execute-api', resource: this.api.apiId });
    return `${apiArn}/${this.stage.stageName}/${method}/@connections/*`;
  }

  /**
   * `actions` on connection items only: the table's own ARN (never an index)
   * and, by IAM's LeadingKeys, only the connection partitions, so no
   * connection function can read or write a profile or a balance. (A
   * transaction's puts and deletes are authorised as PutItem and DeleteItem
   * per item.) Sets TABLE_NAME.
   */
  private grantConnections(fn: LambdaFunction, actions: readonly string[]): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...actions],
        resources: [this.table.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': CONNECTION_PARTITIONS } },
      }),
    );
    fn.addEnvironment('TABLE_NAME', this.table.table.tableName);
  }
}

/**
 * API Gateway authorizes a WebSocket connection once, at $connect; later
 * messages and the disconnect ride that connection and accept no
 * authorizer. $connect has none either, on purpose: its handler verifies
 * the token itself.
 */
function acknowledgeNoAuthorizer(route: WebSocketRoute, routeKey: WebSocketRouteKey) {
  Validations.of(route).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason: `${routeKey} cannot take an authorizer: API Gateway authorizes a WebSocket connection only at $connect (whose Lambda authorizer verifies the end-user JWT); ${routeKey} runs on that already-authorized connection.`,
  });
}
