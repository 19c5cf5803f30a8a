import { Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { BusRoute } from '../shared/bus/bus-routes';
import { routes } from '../shared/http/routes';
import { webSocketAuthorizer, webSocketRoutes } from '../shared/realtime/websocket-routes';
import { tableStreamConsumers } from '../shared/streams/table-stream-consumers';
import type { CapacityConfig, DashboardConfig, JwtAuthConfig, ScenesConfig } from './config';
import { eventsDroppedAlarm, webhookDisabledAlarm } from './constructs/alarm';
import { AlarmTopic } from './constructs/alarm-topic';
import { ApiAlarms } from './constructs/api-alarms';
import { BusRouting } from './constructs/bus-routing';
import type { DashboardSignIn } from './constructs/dashboard-sign-in';
import type { DashboardSite } from './constructs/dashboard-site';
import type { GameTable } from './constructs/game-table';
import { QuestlineHttpApi } from './constructs/http-api';
import { InternalCallers } from './constructs/internal-callers';
import { OperationsDashboard } from './constructs/operations-dashboard';
import { playerDashboard } from './constructs/player-dashboard';
import { reserveConcurrency } from './constructs/reserved-concurrency';
import { RulesBackfill } from './constructs/rules-backfill';
import type { SceneImages } from './constructs/scene-images';
import { SceneWorkflow } from './constructs/scene-workflow';
import { TableStreamConsumer } from './constructs/table-stream-consumer';
import { QuestlineWebSocketApi } from './constructs/websocket-api';

export interface StatelessStackProps extends StackProps {
  table: GameTable;
  bus: IEventBus;
  jwtAuth: JwtAuthConfig;
  /** esbuild define value carrying the validated rules */
  rulesDefine: string;
  /** those rules' version: a deploy that changes it starts the rules backfill */
  rulesVersion: string;
  /** the bus's routing table, for those rules */
  busRoutes: readonly BusRoute[];
  logRetention: RetentionDays;
  sceneImages: SceneImages;
  scenes: ScenesConfig;
  /** the Cognito user pool, when Questline made one (no `auth` issuer given): the dashboard signs in there */
  userPool?: IUserPool;
  dashboard: DashboardConfig;
  capacity: CapacityConfig;
  /** role or user ARNs allowed to call /v1/internal/* and put inbound events (config internalCallers) */
  internalCallers: readonly string[];
}

/** Code and its front doors: replaceable at any time without touching data. */
export class StatelessStack extends Stack {
  readonly httpApi: QuestlineHttpApi;
  readonly busRouting: BusRouting;
  readonly webSocketApi: QuestlineWebSocketApi;
  /** by consumer id (tableStreamConsumers) */
  readonly streamConsumers = new Map<string, TableStreamConsumer>();
  readonly sceneWorkflow: SceneWorkflow;
  readonly rulesBackfill: RulesBackfill;
  readonly dashboard: OperationsDashboard;
  /** the player's dashboard, the web app (output DashboardUrl) */
  readonly playerSite: DashboardSite;
  /** its sign-in on the Cognito user pool (hosted UI, PKCE client), when the stack has the pool */
  readonly playerSignIn: DashboardSignIn | undefined;
  /** where every alarm of the stack reports (output AlarmTopicArn) */
  readonly alarmTopic: AlarmTopic;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const dashboard = playerDashboard(this, {
      ...props,
      endpoints: { api: () => this.httpApi.api.apiEndpoint, ws: () => this.webSocketApi.api.apiEndpoint },
    });
    this.playerSite = dashboard.site;
    this.playerSignIn = dashboard.signIn;
    const jwtAuth = dashboard.clientId
      ? { ...props.jwtAuth, audiences: [...props.jwtAuth.audiences, dashboard.clientId] }
      : props.jwtAuth;
    this.httpApi = new QuestlineHttpApi(this, 'Http', {
      routes,
      table: props.table,
      jwt: jwtAuth,
      functionDefaults: { rulesDefine: props.rulesDefine, logRetention: props.logRetention },
    });
    new ApiAlarms(this, 'Alarms', { httpApi: this.httpApi });
    const functionDefaults = { rulesDefine: props.rulesDefine, logRetention: props.logRetention };
    this.busRouting = new BusRouting(this, 'Bus', {
      bus: props.bus,
      routes: props.busRoutes,
      table: props.table,
      functionDefaults,
      inboundMaxConcurrency: props.capacity.inboundMaxConcurrency,
    });
    this.webSocketApi = new QuestlineWebSocketApi(this, 'Realtime', {
      table: props.table,
      jwt: jwtAuth,
      functionDefaults,
    });
    const notifier = this.busRouting.functions.get('PushToUsers');
    if (!notifier)
      throw new Error("the bus routes have no 'PushToUsers' route: nothing would push to WebSockets");
    this.webSocketApi.connectNotifier(notifier);
    eventsDroppedAlarm(this, 'EventsDroppedAlarm');
    webhookDisabledAlarm(this, 'WebhookDisabledAlarm');
    for (const definition of tableStreamConsumers) {
      this.streamConsumers.set(
        definition.id,
        new TableStreamConsumer(this, definition.id, {
          definition,
          table: props.table,
          bus: props.bus,
          functionDefaults,
        }),
      );
    }

    this.sceneWorkflow = new SceneWorkflow(this, 'Scenes', {
      table: props.table,
      images: props.sceneImages,
      scenes: props.scenes,
      functionDefaults,
    });
    this.grantSceneAccess(props);
    this.rulesBackfill = new RulesBackfill(this, 'RulesBackfill', {
      table: props.table,
      functionDefaults,
      rulesVersion: props.rulesVersion,
    });
    if (dashboard.auth) {
      this.playerSite.deploy({
        apiUrl: this.httpApi.stage.url,
        wsUrl: this.webSocketApi.stage.url,
        auth: dashboard.auth,
      });
    }

    reserveConcurrency(this.allFunctions(), props.capacity.reservedConcurrency);
    new InternalCallers(this, 'InternalCallers', {
      httpApi: this.httpApi,
      routes,
      bus: props.bus,
      publishers: [...this.streamConsumers]
        .filter(([id]) => tableStreamConsumers.find((c) => c.id === id)?.publishesEvents)
        .map(([, consumer]) => consumer.fn.role),
      callers: props.internalCallers,
    });
    this.dashboard = new OperationsDashboard(this, 'Operations', {
      httpApi: this.httpApi,
      webSocket: { apiId: this.webSocketApi.api.apiId, stageName: this.webSocketApi.stage.stageName },
      functions: this.allFunctions(),
      streamConsumers: new Map([...this.streamConsumers].map(([id, consumer]) => [id, consumer.fn.fn])),
      queues: this.watchedQueues(),
      table: props.table.table,
      sceneWorkflow: this.sceneWorkflow.stateMachine,
    });
    // Last: every alarm made above reports to the topic.
    this.alarmTopic = new AlarmTopic(this, 'AlarmTopic');
    this.alarmTopic.notifyAll(this);
  }

  /** The routes and bus routes that show or start scenes get exactly that (shared/http/routes/, bus-routes.ts). */
  private grantSceneAccess(props: StatelessStackProps): void {
    const wanting = [
      ...routes.map((route) => ({
        id: route.id,
        access: route.scenes,
        fn: this.httpApi.functions.get(route.id),
      })),
      ...props.busRoutes.map((route) => ({
        id: route.id,
        access: route.scenes,
        fn: this.busRouting.functions.get(route.id),
      })),
    ];
    for (const { id, access, fn } of wanting) {
      if (!access) continue;
      if (!fn) throw new Error(`no function for ${id}, which asks for scene access`);
      this.sceneWorkflow.grantScenes(fn, access, props.sceneImages);
    }
  }

  /** Every function, by the id operators know it by: the route, bus route, WebSocket route or consumer. */
  private allFunctions(): Map<string, IFunction> {
    const functions = new Map<string, IFunction>();
    for (const [id, fn] of [...this.httpApi.functions, ...this.busRouting.functions])
      functions.set(id, fn.fn);
    for (const route of webSocketRoutes) {
      const fn = this.webSocketApi.functions.get(route.routeKey);
      if (fn) functions.set(route.id, fn.fn);
    }
    functions.set(webSocketAuthorizer.id, this.webSocketApi.authorizerFunction.fn);
    for (const [id, consumer] of this.streamConsumers) functions.set(id, consumer.fn.fn);
    for (const [task, fn] of this.sceneWorkflow.functions) functions.set(task, fn.fn);
    functions.set('BackfillSegment', this.rulesBackfill.fn.fn);
    return functions;
  }

  private watchedQueues(): Map<string, IQueue> {
    const queues = new Map<string, IQueue>();
    for (const [id, { queue, deadLetters }] of this.busRouting.queues) {
      if (queue !== deadLetters) queues.set(id, queue);
      queues.set(`${id} dead letters`, deadLetters);
    }
    for (const [id, consumer] of this.streamConsumers)
      queues.set(`${id} failed batches`, consumer.failedBatches);
    return queues;
  }
}
