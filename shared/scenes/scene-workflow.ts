import { type SceneTaskId, sceneWorkflowTasks } from './scene-task-table';

/**
 * The scene workflow: ONE definition (Amazon States Language), deployed by
 * CDK as a Step Functions Standard state machine
 * (lib/constructs/scene-workflow.ts) and run by the local runtime with
 * aws-local-stepfunctions.
 * Each Task names its function as `${TaskId}`: CDK substitutes the
 * function's ARN, the local runtime the in-process handler.
 *
 * Input `{ userId, jobId }` (the job exists, queued). Two drawings at most
 * (a rejection draws again with another seed), then the procedural fallback;
 * a failure in any step fails the job with that step's code.
 */

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
