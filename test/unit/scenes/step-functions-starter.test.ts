import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { StepFunctionsSceneStarter } from '../../../shared/adapters/stepfunctions/step-functions-scene-starter';

const sfn = mockClient(SFNClient);
beforeEach(() => sfn.reset());

const ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:Scenes';
const starter = () =>
  new StepFunctionsSceneStarter({ client: new SFNClient({ region: 'eu-west-1' }), stateMachineArn: ARN });

describe('the Step Functions scene starter', () => {
  it('starts an execution named by the job, with the job as input', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${ARN}:job-1`, startDate: new Date() });
    await starter().start({ userId: 'ada', jobId: 'job-1' });
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: ARN,
      name: 'job-1',
      input: JSON.stringify({ userId: 'ada', jobId: 'job-1' }),
    });
  });

  it('treats a job already started as started, and passes other failures on', async () => {
    sfn
      .on(StartExecutionCommand)
      .rejectsOnce(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    await expect(starter().start({ userId: 'ada', jobId: 'job-1' })).resolves.toBeUndefined();
    sfn
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(starter().start({ userId: 'ada', jobId: 'job-2' })).rejects.toThrow('denied');
  });
});
