import { CfnFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';

/**
 * Reserves concurrency for the functions the operator names (config
 * `capacity.reservedConcurrency`): their share can be taken by nothing else,
 * and they cannot take more. A name that is no function fails synth.
 */
export function reserveConcurrency(
  functions: Map<string, IFunction>,
  reserved: Readonly<Record<string, number>>,
): void {
  for (const [id, count] of Object.entries(reserved)) {
    const fn = functions.get(id);
    const cfn = fn?.node.defaultChild;
    if (!(cfn instanceof CfnFunction)) {
      throw new Error(
        `capacity.reservedConcurrency names ${id}, which is no function of the stack (one of: ${[...functions.keys()].join(', ')})`,
      );
    }
    cfn.reservedConcurrentExecutions = count;
  }
}
