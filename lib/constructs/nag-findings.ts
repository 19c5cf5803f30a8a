import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges AwsSolutions-IAM5 for one wildcard resource of a policy.
 *
 * cdk-nag names such a finding by the resource as the template spells it,
 * and that spelling depends on the environment: `arn:<AWS::Partition>:...
 * <AWS::Region>` in an environment-agnostic synth, `arn:aws:...:eu-west-1`
 * once the CLI passes the operator's account and region, and a reference
 * to another stack as that stack's output. So the id is derived from the
 * resolved ARN with cdk-nag's own flattening, never written by hand: it
 * matches in every environment.
 */
export function acknowledgeWildcardResource(policy: IConstruct, resourceArn: string, reason: string): void {
  // Resolved late, in the tree's validation (after synthesis has turned references to
  // other stacks into their final form, before cdk-nag runs): an ARN of another stack's
  // resource only has its template spelling by then.
  policy.node.addValidation({
    validate: () => {
      const flattened = flattenCfnReference(Stack.of(policy).resolve(resourceArn));
      Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flattened}]`, reason });
      return [];
    },
  });
}
