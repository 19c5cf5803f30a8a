import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createDynamoClient } from '../adapters/dynamo/client';
import { ensureTable } from '../adapters/dynamo/create-table';
import { EVENT_BUS_NAME } from '../bus/bus-name';
import { routes } from '../http/routes';
import { overrideRealtimeDeps } from '../realtime-wiring';
import { loadActiveRules } from '../rules/active-rules';
import { sceneWorkflowTasks } from '../scenes/scene-task-table';
import { tableStreamConsumers } from '../streams/table-stream-consumers';
import { createDevAuth } from './dev-auth';
import { DEV_TOKEN_PATH } from './dev-token-route';
import { devTokenVerifier } from './dev-token-verifier';
import { startDynamoDbLocal } from './dynamodb-local';
import { startEventsEndpoint } from './events-endpoint';
import { applyHandlerEnv, LOCAL_REGION } from './handler-env';
import { createHandlerLoader } from './handler-loader';
import { createGateway } from './http-gateway';
import { errorResponse } from './http-response';
import { enableInvocationScopes } from './lambda-invoke';
import { createLocalBus, type LocalBus } from './local-bus';
import { localBusRoutes } from './local-bus-routes';
import type { LocalOptions } from './local-options';
import { assertPortFree, listen } from './port-check';
import { readRulesFile } from './rules-file';
import { sceneFiles } from './scene-files';
import { selfSchedulingQueues, startSqsEndpoint, WEBHOOK_QUEUE } from './sqs-endpoint';
import { type LocalInfo, loadSecrets, writeLocalInfo } from './state-dir';
import { startStepFunctionsEndpoint } from './stepfunctions-endpoint';
import { startStreamConsumers } from './stream-consumers';
import type { TableStream } from './table-stream';
import { webFiles } from './web-files';
import { startWebSocketGateway } from './websocket-gateway';

/**
 * `npm start`: DynamoDB Local, the table, the handlers' env, then the route
 * table served on loopback. Cheap checks run first (rules, ports) so mistakes
 * fail in a second, before java starts.
 */

export const LOCAL_TABLE_NAME = 'questline-local';
/** How long an idle kept-alive connection stays open (see createServer below). */
const KEEP_ALIVE_MS = 65_000;
/** loopback only: POST /dev/token mints tokens for anyone who can reach it */
const HOST = '127.0.0.1';

export interface LocalRuntime {
  info: LocalInfo;
  localJsonPath: string;
  stop(): Promise<void>;
}

export interface RuntimeIo {
  log(line: string): void;
  logError(message: string, error: unknown): void;
}

export async function startLocalRuntime(
  options: LocalOptions,
  repoRoot: string,
  io: RuntimeIo,
): Promise<LocalRuntime> {
  await enableInvocationScopes();
  const rulesJson = options.rulesFile ? await readRulesFile(options.rulesFile) : undefined;
  const secrets = await loadSecrets(options.stateDir);
  const auth = createDevAuth(secrets);
  if (options.dynamoDbPort) await assertPortFree(options.dynamoDbPort, HOST, 'DYNAMODB_PORT');

  // Bind first, so a taken port fails before java starts; answer 503 until ready.
  let serve = (_req: IncomingMessage, res: ServerResponse) => {
    const starting = errorResponse(503, 'starting', 'Questline is starting; retry in a moment');
    res.writeHead(starting.statusCode, starting.headers).end(starting.body);
  };
  const server = createServer((req, res) => serve(req, res));
  // Node closes a kept-alive connection after 5 s idle by default. A client that reuses its
  // sockets (every HTTP agent with keep-alive) then races that close: a request written as the
  // server hangs up fails with ECONNRESET. bench:http's users send every 5 s, right on the edge,
  // and lost one request in 12,000 that way. Idle connections now live 65 s (longer than common
  // clients keep theirs), as behind API Gateway; headers must come within the same bound.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  const port = await listen(server, options.port, HOST, 'PORT');
  const stopServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  let dynamo: Awaited<ReturnType<typeof startDynamoDbLocal>> | undefined;
  let stream: TableStream | undefined;
  let bus: LocalBus | undefined;
  let events: Awaited<ReturnType<typeof startEventsEndpoint>> | undefined;
  let realtime: Awaited<ReturnType<typeof startWebSocketGateway>> | undefined;
  let workflows: Awaited<ReturnType<typeof startStepFunctionsEndpoint>> | undefined;
  let queues: Awaited<ReturnType<typeof startSqsEndpoint>> | undefined;
  try {
    dynamo = await startDynamoDbLocal({
      ...(options.dynamoDbPort ? { port: options.dynamoDbPort } : {}),
      inMemory: options.inMemory,
      ...(options.inMemory ? {} : { dataDir: join(options.stateDir, 'dynamodb') }),
    });
    const loadHandler = createHandlerLoader(repoRoot);
    const busRoutes = localBusRoutes(rulesJson);
    bus = createLocalBus({ name: EVENT_BUS_NAME, routes: busRoutes, loadHandler, logError: io.logError });
    events = await startEventsEndpoint(bus, HOST);
    realtime = await startWebSocketGateway({ host: HOST, loadHandler, logError: io.logError });
    workflows = await startStepFunctionsEndpoint({
      host: HOST,
      loadHandler,
      log: io.log,
      logError: io.logError,
    });
    queues = await startSqsEndpoint({
      host: HOST,
      queues: selfSchedulingQueues(busRoutes),
      loadHandler,
      log: io.log,
      logError: io.logError,
    });
    const apiUrl = `http://${HOST}:${port}`;
    // Images are kept (content-addressed, like the bucket); images between steps are not.
    await rm(join(options.stateDir, 'pending'), { recursive: true, force: true });
    // Dev tokens are HS256, which aws-jwt-verify (the $connect verifier on AWS) does not take.
    overrideRealtimeDeps({ tokens: devTokenVerifier(auth) });
    applyHandlerEnv(process.env, {
      tableName: LOCAL_TABLE_NAME,
      dynamoDbEndpoint: dynamo.endpoint,
      eventsUrl: events.url,
      eventBusName: EVENT_BUS_NAME,
      wsCallbackUrl: realtime.managementUrl,
      stepFunctionsUrl: workflows.url,
      sceneWorkflowArn: workflows.stateMachineArn,
      scenesDir: options.stateDir,
      scenesBaseUrl: `${apiUrl}/`,
      sqsUrl: queues.url,
      webhookQueueUrl: queues.queueUrl(WEBHOOK_QUEUE),
      webhookDeadLetterUrl: queues.queueUrl(`${WEBHOOK_QUEUE}-dlq`),
      ...(rulesJson ? { rulesJson } : {}),
    });
    // whatever QUESTLINE_RULES_JSON is now in effect, it fails here, not per request
    loadActiveRules(process.env);
    const client = createDynamoClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION });
    await ensureTable(client, LOCAL_TABLE_NAME);
    await loadHandler.preload([
      ...routes,
      ...busRoutes.map((r) => ({ id: r.id, entry: r.target.entry })),
      ...sceneWorkflowTasks,
    ]);
    // Reading the stream starts before the first request, so no write is missed.
    stream = await startStreamConsumers({
      consumers: tableStreamConsumers,
      loadHandler,
      client,
      endpoint: dynamo.endpoint,
      tableName: LOCAL_TABLE_NAME,
      logError: io.logError,
    });
    const scenes = sceneFiles(options.stateDir);
    const dashboard = await webFiles({
      stateDir: options.stateDir,
      wsUrl: realtime.wsUrl,
      config: {
        apiUrl: `${apiUrl}/`,
        wsUrl: realtime.wsUrl,
        // loopback only, like /dev/token: the demo button records activities with the internal key
        auth: { kind: 'dev', tokenUrl: `${apiUrl}${DEV_TOKEN_PATH}`, demoKey: secrets.internalKey },
      },
    });
    const gateway = createGateway({
      routes,
      loadHandler,
      auth,
      log: io.log,
      logError: io.logError,
      files: async (method, path) => (await scenes(method, path)) ?? dashboard(method, path),
    });
    serve = (req, res) => void gateway(req, res);

    const openApi = routes.find((route) => route.id === 'GetOpenApi');
    const info: LocalInfo = {
      api_url: apiUrl,
      dashboard_url: `${apiUrl}/`,
      openapi_url: `${apiUrl}${openApi?.path ?? '/v1/openapi.json'}`,
      dev_token_url: `${apiUrl}${DEV_TOKEN_PATH}`,
      events_url: events.url,
      event_bus_name: EVENT_BUS_NAME,
      ws_url: realtime.wsUrl,
      scenes_url: `${apiUrl}/scenes/`,
      stepfunctions_url: workflows.url,
      scene_workflow_arn: workflows.stateMachineArn,
      internal_key: secrets.internalKey,
      table_name: LOCAL_TABLE_NAME,
      dynamodb_endpoint: dynamo.endpoint,
      pid: process.pid,
      dynamodb_pid: dynamo.pid,
      started_at: new Date().toISOString(),
    };
    const localJsonPath = await writeLocalInfo(options.stateDir, info);
    const started = dynamo;
    const reading = stream;
    const localBus = bus;
    const eventsServer = events.server;
    const websockets = realtime;
    const sceneWorkflows = workflows;
    const localQueues = queues;
    return {
      info,
      localJsonPath,
      stop: async () => {
        await stopServer();
        await websockets.stop();
        await reading.stop();
        await sceneWorkflows.drain();
        sceneWorkflows.server.close();
        sceneWorkflows.server.closeAllConnections();
        await localBus.drain();
        await localQueues.stop();
        eventsServer.close();
        eventsServer.closeAllConnections();
        client.destroy();
        await started.stop();
      },
    };
  } catch (error) {
    await stopServer();
    await realtime?.stop();
    workflows?.server.close();
    await stream?.stop();
    events?.server.close();
    await queues?.stop();
    await dynamo?.stop();
    throw error;
  }
}
