import middy from '@middy/core';
import { lambdaObservability } from '../observability';
import { parseSceneEnv, type SceneEnv } from './scene-env';
import type { SceneTaskHandler } from './scene-tasks';

/**
 * The Lambda handler of one scene workflow task, whose function module is
 * its composition root: `build` makes the task's step from the environment
 * on the first invocation (so a bad environment fails loudly, naming the
 * variable), and the step is reused after. Its input is validated, its
 * result returned to Step Functions; an error is thrown under its own name
 * (ImageFilteredError, ThrottlingException, ...) for the state machine's
 * Retry and Catch to match.
 */
export function sceneTaskLambda(build: (env: SceneEnv) => SceneTaskHandler) {
  let task: SceneTaskHandler | undefined;
  return middy((input: unknown) => {
    task ??= build(parseSceneEnv());
    return task(input);
  }).use(lambdaObservability());
}
