import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { sceneWorkflowTasks } from '../scenes/scene-task-table';
import type { SceneTaskHandler } from '../scenes/scene-tasks';
import { LOCAL_ACCOUNT_ID } from './api-gateway-event';
import { awsFault, startAwsJsonEndpoint } from './aws-json-endpoint';
import { LOCAL_REGION } from './handler-env';
import type { HandlerLoader } from './http-gateway';
import { invokeLocally, lambdaContext } from './lambda-invoke';
import { createLocalSceneWorkflow, type SceneExecution } from './scene-workflow-runner';

/** The local scene state machine's ARN: what the functions that start scenes are given. */
export const LOCAL_SCENE_WORKFLOW_ARN = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stateMachine:questline-scenes`;

/** Step Functions takes an execution input of at most 256 KB. */
const MAX_BODY_BYTES = 256 * 1024;
const EXECUTION_NAME = /^[A-Za-z0-9_-]{1,80}$/;

interface Execution {
  input: string;
  status: 'RUNNING' | SceneExecution['status'];
}

/**
 * Step Functions, locally: StartExecution of the scene state machine on
 * loopback (STEPFUNCTIONS_ENDPOINT), so the functions that start scenes use
 * their SFN client unchanged. Each execution runs the one ASL definition in
 * this process (aws-local-stepfunctions), every Task invoking the same
 * handler module its Lambda function runs on AWS, with a Lambda context of
 * the task's timeout. Names behave as on a Standard machine: the same name
 * and input while running answers the same execution; otherwise
 * ExecutionAlreadyExists.
 */
export async function startStepFunctionsEndpoint(opts: {
  host: string;
  loadHandler: HandlerLoader;
  log(line: string): void;
  logError(message: string, error: unknown): void;
}) {
  const handlers = Object.fromEntries(
    sceneWorkflowTasks.map((task): [string, SceneTaskHandler] => [
      task.id,
      async (input) =>
        invokeLocally(
          await opts.loadHandler(task),
          input,
          lambdaContext(task.id, randomUUID(), task.timeoutSeconds * 1000),
        ),
    ]),
  ) as Parameters<typeof createLocalSceneWorkflow>[0];
  const workflow = createLocalSceneWorkflow(handlers);
  const executions = new Map<string, Execution>();
  const running = new Set<Promise<void>>();

  function run(name: string, input: string): void {
    const started = performance.now();
    const work = workflow
      .run(JSON.parse(input) as { userId: string; jobId: string })
      .then((result) => {
        executions.set(name, { input, status: result.status });
        const took = Math.round(performance.now() - started);
        opts.log(
          `scene workflow ${name} ${result.status}${result.error ? ` (${result.error})` : ''} ${took}ms`,
        );
      })
      .catch((error: unknown) => {
        executions.set(name, { input, status: 'FAILED' });
        opts.logError(`scene workflow ${name} could not run:`, error);
      });
    running.add(work);
    void work.finally(() => running.delete(work));
  }

  const endpoint: { url: string; server: Server } = await startAwsJsonEndpoint({
    host: opts.host,
    portName: 'STEPFUNCTIONS_PORT',
    service: 'AWSStepFunctions',
    jsonVersion: '1.0',
    maxBodyBytes: MAX_BODY_BYTES,
    actions: {
      StartExecution: ({ stateMachineArn, name = randomUUID(), input = '{}' }) => {
        if (stateMachineArn !== LOCAL_SCENE_WORKFLOW_ARN) {
          return awsFault(
            400,
            'StateMachineDoesNotExist',
            `State Machine Does Not Exist: '${stateMachineArn}'`,
          );
        }
        if (typeof name !== 'string' || !EXECUTION_NAME.test(name)) {
          return awsFault(400, 'InvalidName', `Invalid Name: '${String(name)}'`);
        }
        if (typeof input !== 'string')
          return awsFault(400, 'InvalidExecutionInput', 'input must be a JSON string');
        try {
          JSON.parse(input);
        } catch {
          return awsFault(400, 'InvalidExecutionInput', 'input is not JSON');
        }
        const executionArn = `${LOCAL_SCENE_WORKFLOW_ARN.replace(':stateMachine:', ':execution:')}:${name}`;
        const existing = executions.get(name);
        if (existing && !(existing.status === 'RUNNING' && existing.input === input)) {
          return awsFault(400, 'ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
        }
        if (!existing) {
          executions.set(name, { input, status: 'RUNNING' });
          run(name, input);
        }
        return { status: 200, body: { executionArn, startDate: Date.now() / 1000 } };
      },
    },
  });

  return {
    ...endpoint,
    stateMachineArn: LOCAL_SCENE_WORKFLOW_ARN,
    /** Waits for every running execution to end (stop, tests). */
    async drain(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
