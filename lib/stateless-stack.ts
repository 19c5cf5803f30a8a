import { Stack, type StackProps } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { BusRoute } from '../shared/bus/bus-routes';
import { routes } from '../shared/http/routes';
import { tableStreamConsumers } from '../shared/streams/table-stream-consumers';
import type { JwtAuthConfig } from './config';
import { ApiAlarms } from './constructs/api-alarms';
import { BusRouting } from './constructs/bus-routing';
import type { GameTable } from './constructs/game-table';
import { QuestlineHttpApi } from './constructs/http-api';
import { TableStreamConsumer } from './constructs/table-stream-consumer';
import { QuestlineWebSocketApi } from './constructs/websocket-api';

export interface StatelessStackProps extends StackProps {
  table: GameTable;
  bus: IEventBus;
  jwtAuth: JwtAuthConfig;
  /** esbuild define value carrying the validated rules */
  rulesDefine: string;
  /** the bus's routing table, for those rules */
  busRoutes: readonly BusRoute[];
  logRetention: RetentionDays;
}

/** Code and its front doors: replaceable at any time without touching data. */
export class StatelessStack extends Stack {
  readonly httpApi: QuestlineHttpApi;
  readonly busRouting: BusRouting;
  readonly webSocketApi: QuestlineWebSocketApi;
  /** by consumer id (tableStreamConsumers) */
  readonly streamConsumers = new Map<string, TableStreamConsumer>();

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    this.httpApi = new QuestlineHttpApi(this, 'Http', {
      routes,
      table: props.table,
      jwt: props.jwtAuth,
      functionDefaults: { rulesDefine: props.rulesDefine, logRetention: props.logRetention },
    });
    new ApiAlarms(this, 'Alarms', { api: this.httpApi.api, functions: this.httpApi.functions });
    const functionDefaults = { rulesDefine: props.rulesDefine, logRetention: props.logRetention };
    this.busRouting = new BusRouting(this, 'Bus', {
      bus: props.bus,
      routes: props.busRoutes,
      table: props.table,
      functionDefaults,
      // applying activities writes the ledger; the notifier deletes gone connections
      tableAccess: { ActivitiesIn: 'read-write', PushToUsers: 'read-write' },
    });
    this.webSocketApi = new QuestlineWebSocketApi(this, 'Realtime', {
      table: props.table,
      jwt: props.jwtAuth,
      functionDefaults,
    });
    const notifier = this.busRouting.functions.get('PushToUsers');
    if (!notifier)
      throw new Error("the bus routes have no 'PushToUsers' route: nothing would push to WebSockets");
    this.webSocketApi.connectNotifier(notifier);
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
  }
}
