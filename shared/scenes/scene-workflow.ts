import type { TableAccess } from '../http/routes';

/**
 * The scene workflow: ONE definition (Amazon States Language), deployed by
 * CDK as a Step Functions Standard state machine (lib/constructs/scene-
 * workflow.ts) and run by the local runtime with aws-local-stepfunctions.
 * Each Task names its function as `${TaskId}`: CDK substitutes the
 * function's ARN, the local runtime the in-process handler.
 *
 * Input `{ userId, jobId }` (the job exists, queued). Two drawings at most
 * (a rejection draws again with another seed), then the procedural fallback;
 * a failure in any step fails the job with that step's code.
 */

export type SceneTaskId =
  | 'PrepareScene'
  | 'DrawScene'
  | 'DrawFallbackScene'
  | 'ModerateScene'
  | 'StoreScene'
  | 'RecordScene'
  | 'FailScene';

export interface SceneTaskDefinition {
  id: SceneTaskId;
  /** handler module relative to the repository root; it exports `handler` */
  entry: string;
  description: string;
  /** what the task does to the table (granted exactly) */
  table: TableAccess;
  /** what it does in the scenes bucket: read stored images (`scenes/`), read or write pending ones */
  bucket: readonly ('read-scenes' | 'write-scenes' | 'read-pending' | 'write-pending')[];
  /** calls the image model (bedrock:InvokeModel on the configured model) */
  model?: boolean;
  /** calls Rekognition DetectModerationLabels */
  moderation?: boolean;
  /** seconds: a model draws in seconds, sharp in a fraction of one */
  timeoutSeconds: number;
  memorySize: number;
  /** native modules the task loads (installed for Lambda's platform, not bundled) */
  nativeModules?: readonly string[];
}

export const sceneWorkflowTasks: readonly SceneTaskDefinition[] = [
  {
    id: 'PrepareScene',
    entry: 'functions/workflow/prepare-scene.ts',
    description: 'Scene: start the job, build the look and prompt, look up the cache',
    table: 'read-write',
    bucket: ['read-scenes'],
    timeoutSeconds: 10,
    memorySize: 512,
  },
  {
    id: 'DrawScene',
    entry: 'functions/workflow/draw-scene.ts',
    description: 'Scene: draw with the configured model',
    table: 'read-write',
    bucket: ['write-pending'],
    model: true,
    timeoutSeconds: 90,
    memorySize: 512,
  },
  {
    id: 'DrawFallbackScene',
    entry: 'functions/workflow/draw-fallback-scene.ts',
    description: 'Scene: draw with the procedural renderer',
    table: 'none',
    bucket: ['write-pending'],
    timeoutSeconds: 10,
    memorySize: 512,
  },
  {
    id: 'ModerateScene',
    entry: 'functions/workflow/moderate-scene.ts',
    description: 'Scene: moderate a drawn image',
    table: 'none',
    bucket: ['read-pending'],
    moderation: true,
    timeoutSeconds: 30,
    memorySize: 512,
  },
  {
    id: 'StoreScene',
    entry: 'functions/workflow/store-scene.ts',
    description: 'Scene: WebP renditions, stored under the cache key',
    table: 'read-write',
    bucket: ['read-pending', 'write-scenes'],
    timeoutSeconds: 30,
    memorySize: 1536,
    nativeModules: ['sharp'],
  },
  {
    id: 'RecordScene',
    entry: 'functions/workflow/record-scene.ts',
    description: 'Scene: complete the job and record the scene',
    table: 'read-write',
    bucket: [],
    timeoutSeconds: 10,
    memorySize: 512,
  },
  {
    id: 'FailScene',
    entry: 'functions/workflow/fail-scene.ts',
    description: 'Scene: fail the job with its step code',
    table: 'read-write',
    bucket: [],
    timeoutSeconds: 10,
    memorySize: 512,
  },
];

/** Errors of the Lambda service itself, worth a quick retry on every task. */
const LAMBDA_TRANSIENT = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];
/** Bedrock's errors that a later attempt may not meet (InvokeModel's documented throttling and availability errors). */
export const MODEL_TRANSIENT = [
  'ThrottlingException',
  'ModelTimeoutException',
  'ServiceUnavailableException',
  'ModelNotReadyException',
  'InternalServerException',
];

const retryLambda = {
  ErrorEquals: LAMBDA_TRANSIENT,
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
  JitterStrategy: 'FULL',
};
const retryModel = {
  ErrorEquals: MODEL_TRANSIENT,
  IntervalSeconds: 2,
  MaxAttempts: 4,
  BackoffRate: 2,
  MaxDelaySeconds: 20,
  JitterStrategy: 'FULL',
};

const task = (
  id: SceneTaskId,
  parameters: Record<string, unknown>,
  resultPath: string,
  next: string,
  extra: Record<string, unknown> = {},
) => ({
  Type: 'Task',
  Resource: `\${${id}}`,
  Parameters: parameters,
  ResultPath: resultPath,
  Retry: [retryLambda, ...((extra.Retry as unknown[]) ?? [])],
  ...(extra.Catch ? { Catch: extra.Catch } : {}),
  Next: next,
});

/** On any error, go to `next` (keeping the input, the error under $.error). */
const catchAll = (next: string) => [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: next }];

/** A failure path: the step's code, then the FailScene task. */
const failWith = (errorCode: string) => ({
  Type: 'Pass',
  Result: errorCode,
  ResultPath: '$.errorCode',
  Next: 'FailJob',
});

const drawAttempt = (attempt: 1 | 2, next: string) => ({
  [`Draw${attempt}`]: task(
    'DrawScene',
    { 'prepared.$': '$.prepared', attempt },
    '$.drawn',
    `Moderate${attempt}`,
    {
      Retry: [retryModel],
      Catch: catchAll('DrawFallback'),
    },
  ),
  [`Moderate${attempt}`]: task(
    'ModerateScene',
    { 'drawn.$': '$.drawn' },
    '$.moderation',
    `Approved${attempt}`,
    {
      Catch: catchAll('DrawFallback'),
    },
  ),
  [`Approved${attempt}`]: {
    Type: 'Choice',
    Choices: [{ Variable: '$.moderation.approved', BooleanEquals: true, Next: 'Store' }],
    Default: next,
  },
});

export const sceneWorkflowDefinition = {
  Comment: 'Questline monster scene: prepare, draw (twice at most), moderate, fall back, store, record',
  StartAt: 'Prepare',
  States: {
    Prepare: task(
      'PrepareScene',
      { 'userId.$': '$.userId', 'jobId.$': '$.jobId' },
      '$.prepared',
      'IsCached',
      {
        Catch: catchAll('PreparationFailed'),
      },
    ),
    IsCached: {
      Type: 'Choice',
      Choices: [{ Variable: '$.prepared.cached', BooleanEquals: true, Next: 'Cached' }],
      Default: 'Draw1',
    },
    Cached: {
      Type: 'Pass',
      Parameters: {
        'userId.$': '$.prepared.userId',
        'jobId.$': '$.prepared.jobId',
        'cacheKey.$': '$.prepared.cacheKey',
        'drawnBy.$': '$.prepared.drawnBy',
        fallback: false,
      },
      ResultPath: '$.drawn',
      Next: 'Record',
    },
    ...drawAttempt(1, 'Draw2'),
    ...drawAttempt(2, 'DrawFallback'),
    DrawFallback: task('DrawFallbackScene', { 'prepared.$': '$.prepared' }, '$.drawn', 'Store', {
      Catch: catchAll('GenerationFailed'),
    }),
    Store: task('StoreScene', { 'drawn.$': '$.drawn' }, '$.drawn', 'Record', {
      Catch: catchAll('StorageFailed'),
    }),
    Record: task('RecordScene', { 'done.$': '$.drawn' }, '$.job', 'Done', {
      Catch: catchAll('RecordingFailed'),
    }),
    Done: { Type: 'Succeed' },
    PreparationFailed: failWith('preparation_failed'),
    GenerationFailed: failWith('generation_failed'),
    StorageFailed: failWith('storage_failed'),
    RecordingFailed: failWith('recording_failed'),
    FailJob: task(
      'FailScene',
      { 'userId.$': '$.userId', 'jobId.$': '$.jobId', 'errorCode.$': '$.errorCode' },
      '$.job',
      'Failed',
      { Catch: catchAll('Failed') },
    ),
    Failed: {
      Type: 'Fail',
      Error: 'SceneFailed',
      Cause: 'The scene job failed; the job item holds its error code',
    },
  },
} as const;

/** The task (function) each Task state runs, by state name. */
export function taskOfState(stateName: string): SceneTaskId {
  const state = (sceneWorkflowDefinition.States as Record<string, { Type: string; Resource?: string }>)[
    stateName
  ];
  const id = state?.Type === 'Task' ? /^\$\{(\w+)\}$/.exec(state.Resource ?? '')?.[1] : undefined;
  if (!id || !sceneWorkflowTasks.some((t) => t.id === id))
    throw new Error(`state ${stateName} runs no scene task`);
  return id as SceneTaskId;
}

/** The definition with each `${TaskId}` replaced, e.g. by a function ARN. */
export function renderSceneWorkflow(resourceOf: (task: SceneTaskId) => string): string {
  return JSON.stringify(sceneWorkflowDefinition).replace(/\$\{(\w+)\}/g, (_, id: SceneTaskId) =>
    resourceOf(id),
  );
}
