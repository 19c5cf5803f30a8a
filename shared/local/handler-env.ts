/**
 * The environment a deployed function gets from CDK, recreated for the
 * in-process handlers. It must be in place before any handler module loads:
 * shared/wiring.ts parses it at import (cold start).
 */
export interface HandlerEnv {
  tableName: string;
  dynamoDbEndpoint: string;
  /** validated rules document; absent: the built-in defaults */
  rulesJson?: string;
  /** the local bus: where publishers put events */
  eventsUrl: string;
  eventBusName: string;
  /** the local WebSocket API's management endpoint */
  wsCallbackUrl: string;
  /** the local Step Functions endpoint and the scene state machine on it */
  stepFunctionsUrl: string;
  sceneWorkflowArn: string;
  /** the folder scene images are stored in, and the URL they are served from */
  scenesDir: string;
  scenesBaseUrl: string;
  /** the local SQS stand-in, and the webhook queue and dead-letter queue on it */
  sqsUrl: string;
  webhookQueueUrl: string;
  webhookDeadLetterUrl: string;
}

export const LOCAL_REGION = 'us-east-1';

export function applyHandlerEnv(env: NodeJS.ProcessEnv, settings: HandlerEnv): void {
  env.TABLE_NAME = settings.tableName;
  env.DYNAMODB_ENDPOINT = settings.dynamoDbEndpoint;
  env.EVENT_BUS_NAME = settings.eventBusName;
  env.EVENTBRIDGE_ENDPOINT = settings.eventsUrl;
  env.WS_CALLBACK_URL = settings.wsCallbackUrl;
  env.STEPFUNCTIONS_ENDPOINT = settings.stepFunctionsUrl;
  env.SCENE_WORKFLOW_ARN = settings.sceneWorkflowArn;
  // Locally the built-in renderer draws every scene: no model, no account, no cost.
  env.SCENES_PROVIDER = 'procedural';
  env.SCENES_DIR = settings.scenesDir;
  env.SCENES_BASE_URL = settings.scenesBaseUrl;
  env.SQS_ENDPOINT = settings.sqsUrl;
  env.WEBHOOK_QUEUE_URL = settings.webhookQueueUrl;
  env.WEBHOOK_DLQ_URL = settings.webhookDeadLetterUrl;
  // Locally a webhook may go to any http URL: a receiver on this machine is the point.
  env.WEBHOOK_ENDPOINT_POLICY = 'local';
  env.AWS_REGION = LOCAL_REGION;
  // Dummy credentials: DynamoDB Local accepts any, and a developer's real
  // profile or session must never be picked up by a local run.
  env.AWS_ACCESS_KEY_ID = 'local';
  env.AWS_SECRET_ACCESS_KEY = 'local';
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  if (settings.rulesJson !== undefined) env.QUESTLINE_RULES_JSON = settings.rulesJson;
  env.POWERTOOLS_SERVICE_NAME ??= 'questline';
  // CloudWatch metrics (EMF lines) mean nothing locally and would flood the terminal
  env.POWERTOOLS_METRICS_DISABLED ??= 'true';
}
