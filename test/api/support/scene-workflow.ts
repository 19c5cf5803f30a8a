import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../../lib/project-root';
import { createHandlerLoader } from '../../../shared/local/handler-loader';
import { startStepFunctionsEndpoint } from '../../../shared/local/stepfunctions-endpoint';

/** Where the api tier says scene images are served from. */
export const SCENES_BASE_URL = 'https://scenes.example.test/';

/**
 * The scene workflow as the local runtime runs it (Step Functions' API on
 * loopback, the same ASL, the task modules in-process, the procedural
 * renderer, images in a temporary folder), with the environment the HTTP
 * handlers read set to reach it. Set it up before the handlers load.
 */
export async function startSceneWorkflow() {
  const scenesDir = await mkdtemp(join(tmpdir(), 'questline-scenes-'));
  const failures: unknown[] = [];
  const endpoint = await startStepFunctionsEndpoint({
    host: '127.0.0.1',
    loadHandler: createHandlerLoader(projectRoot),
    log: () => {},
    logError: (_message, error) => failures.push(error),
  });
  Object.assign(process.env, {
    STEPFUNCTIONS_ENDPOINT: endpoint.url,
    SCENE_WORKFLOW_ARN: endpoint.stateMachineArn,
    SCENES_PROVIDER: 'procedural',
    SCENES_DIR: scenesDir,
    SCENES_BASE_URL,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  return {
    scenesDir,
    /** executions that could not run at all (a workflow that fails a job is not one) */
    failures,
    drain: () => endpoint.drain(),
    async stop() {
      await endpoint.drain();
      endpoint.server.close();
      endpoint.server.closeAllConnections();
      await rm(scenesDir, { recursive: true, force: true });
    },
  };
}
