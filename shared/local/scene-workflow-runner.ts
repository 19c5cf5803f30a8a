import './promise-with-resolvers';
import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';
import type { SceneTaskId } from '../scenes/scene-task-table';
import type { SceneTaskHandler } from '../scenes/scene-tasks';
import { renderSceneWorkflow, taskOfState } from '../scenes/scene-workflow';

export interface SceneExecution {
  status: 'SUCCEEDED' | 'FAILED';
  output?: unknown;
  error?: string;
}

/**
 * The scene workflow's definition run in-process by aws-local-stepfunctions,
 * each Task handled by the same code its Lambda function runs on AWS.
 * `fastRetries` waits no time between retries (tests).
 */
export function createLocalSceneWorkflow(
  handlers: Record<SceneTaskId, SceneTaskHandler>,
  opts: { fastRetries?: boolean } = {},
) {
  const definition = JSON.parse(
    renderSceneWorkflow((task) => `arn:aws:lambda:us-east-1:000000000000:function:${task}`),
  ) as { States: Record<string, { Type: string }> };
  const machine = new StateMachine(definition as never);
  const taskStates = Object.keys(definition.States).filter(
    (name) => definition.States[name]?.Type === 'Task',
  );
  const taskResourceLocalHandlers = Object.fromEntries(
    taskStates.map((name) => [
      name,
      (input: unknown) => handlers[taskOfState(name)](input) as Promise<never>,
    ]),
  );
  const retryIntervalOverrides = opts.fastRetries
    ? Object.fromEntries(taskStates.map((name) => [name, 0]))
    : {};

  return {
    /** Runs one execution to its end: SUCCEEDED with the final state, or FAILED with the error name. */
    async run(input: { userId: string; jobId: string }): Promise<SceneExecution> {
      const execution = machine.run(input, {
        overrides: { taskResourceLocalHandlers, retryIntervalOverrides },
      });
      try {
        return { status: 'SUCCEEDED', output: await execution.result };
      } catch (error) {
        if (error instanceof ExecutionError) return { status: 'FAILED', error: error.message };
        throw error;
      }
    },
  };
}
