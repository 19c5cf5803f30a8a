import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { SceneWorkflowStarter } from '../../ports/scenes';

/**
 * Starts the scene state machine for a job, named by the job id: Step
 * Functions refuses a second execution of the same name, so a retried start
 * (a redelivered trigger, a retried request) runs the job once.
 */
export class StepFunctionsSceneStarter implements SceneWorkflowStarter {
  private readonly client: SFNClient;
  private readonly stateMachineArn: string;

  constructor(opts: { client: SFNClient; stateMachineArn: string }) {
    this.client = opts.client;
    this.stateMachineArn = opts.stateMachineArn;
  }

  async start(job: { userId: string; jobId: string }): Promise<void> {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: job.jobId,
          input: JSON.stringify({ userId: job.userId, jobId: job.jobId }),
        }),
      );
    } catch (error) {
      // The same name with the same input is a success for a Standard machine; with another input it is this.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }
}
