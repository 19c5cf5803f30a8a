import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Metric, type MetricOptions } from 'aws-cdk-lib/aws-cloudwatch';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS } from '../../shared/http/cors';
import type { RouteAuth, RouteDefinition } from '../../shared/http/define-route';
import type { JwtAuthConfig } from '../config';
import { ApiFunction, type ApiFunctionDefaults } from './api-function';
import type { GameTable } from './game-table';

export interface QuestlineHttpApiProps {
  routes: readonly RouteDefinition[];
  table: GameTable;
  jwt: JwtAuthConfig;
  functionDefaults: ApiFunctionDefaults;
}

/**
 * Stage-wide limits: far above the ~200 requests/s the design measures, yet
 * well below the account's regional quota, so one runaway client cannot
 * starve every other API in the account.
 */
const STAGE_THROTTLE = { rateLimit: 500, burstLimit: 1000 };

/** One access log line per request, JSON so Logs Insights can query fields. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

/**
 * The HTTP API, read from the shared route table: one function per route,
 * the route's auth kind mapped to an authorizer, the route's table access
 * granted exactly.
 */
export class QuestlineHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions = new Map<string, ApiFunction>();
  private readonly routes: readonly RouteDefinition[];

  constructor(scope: Construct, id: string, props: QuestlineHttpApiProps) {
    super(scope, id);
    this.routes = props.routes;
    this.api = new HttpApi(this, 'Api', {
      description: 'Questline HTTP API (/v1)',
      // The stage is made below, to carry throttling and access logs.
      createDefaultStage: false,
      // Browsers call it from other origins (shared/http/cors.ts says why any origin; naming the
      // dashboard's own here would also loop back through its CSP, which names this API).
      corsPreflight: {
        allowOrigins: [...CORS.allowOrigins],
        allowMethods: CORS.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...CORS.allowHeaders],
        exposeHeaders: [...CORS.exposeHeaders],
        maxAge: Duration.seconds(CORS.maxAgeSeconds),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.functionDefaults.logRetention });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      // Per-route metrics (ApiId, Stage, Method, Resource): the activity route's
      // own latency has an alarm, and the dashboard shows each route.
      detailedMetricsEnabled: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    const authorizers: Record<RouteAuth, IHttpRouteAuthorizer> = {
      jwt: new HttpJwtAuthorizer('JwtAuthorizer', props.jwt.issuer, { jwtAudience: props.jwt.audiences }),
      iam: new HttpIamAuthorizer(),
      public: new HttpNoneAuthorizer(),
    };

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    for (const route of props.routes) {
      const fn = new ApiFunction(this, route.id, {
        ...props.functionDefaults,
        entry: route.entry,
        description: route.summary,
        ...(route.timeoutSeconds && { timeout: Duration.seconds(route.timeoutSeconds) }),
      });
      props.table.grantFor(fn.fn, route.table);
      this.functions.set(route.id, fn);
      const [apiRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.id}Integration`, fn.fn),
        authorizer: authorizers[route.auth],
        // end-user routes take access tokens only (config `auth.scopes`)
        ...(route.auth === 'jwt' && props.jwt.scopes.length > 0 && { authorizationScopes: props.jwt.scopes }),
      });
      if (route.auth === 'public' && apiRoute) acknowledgePublic(apiRoute, route);
      if (route.throttle && apiRoute) {
        routeSettings[`${route.method} ${route.path}`] = {
          ThrottlingRateLimit: route.throttle.rateLimit,
          ThrottlingBurstLimit: route.throttle.burstLimit,
        };
        // a stage's settings may name only routes that exist already
        cfnStage.node.addDependency(apiRoute);
      }
    }
    // Per-route limits below the stage's (the route records in shared/http/routes/ say which, and why).
    cfnStage.routeSettings = routeSettings;

    new CfnOutput(this, 'ApiUrl', {
      key: 'ApiUrl',
      value: this.stage.url,
      description: 'Base URL of the API',
    });
  }
  /** A metric of one route (detailed metrics), e.g. its `Latency` or `5xx`. */
  routeMetric(routeId: string, metricName: string, options: MetricOptions = {}): Metric {
    const route = this.routes.find((r) => r.id === routeId);
    if (!route) throw new Error(`no route ${routeId} in the route table`);
    return new Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      dimensionsMap: {
        ApiId: this.api.apiId,
        Stage: this.stage.stageName,
        Method: route.method,
        Resource: route.path,
      },
      ...options,
    });
  }
}

/** A public route is public by its definition in the route table; say so where cdk-nag looks. */
function acknowledgePublic(apiRoute: HttpRoute, route: RouteDefinition) {
  Validations.of(apiRoute).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason: `${route.method} ${route.path} is declared auth 'public' in shared/http/routes/: ${route.summary}.`,
  });
}
