import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes';
import { readReport } from './support/nag-report';
import { type BuiltApp, buildApp, resourceById, resourcesOf } from './support/synth';

const BACKEND = 'arn:aws:iam::123456789012:role/studyapp-backend';

function busPolicies(built: BuiltApp) {
  return Object.values(resourcesOf(built.statelessTemplate, 'AWS::Events::EventBusPolicy')).map(
    (p) => p.Properties as { StatementId: string; Statement: Record<string, unknown> },
  );
}

const roleArnOf = (built: BuiltApp, id: string) => {
  const consumer = built.stateless.streamConsumers.get(id);
  if (!consumer) throw new Error(`no stream consumer ${id}`);
  return built.stateless.resolve(consumer.fn.role.roleArn);
};

describe('internal callers, listed by the operator', () => {
  const built = buildApp({ questline: { internalCallers: [BACKEND] } });

  it('gives every internal route (and only those) the allowlist to check the signer against', () => {
    for (const route of routes) {
      const fn = built.stateless.httpApi.functions.get(route.id);
      const id = built.stateless.getLogicalId(fn?.fn.node.defaultChild as CfnElement);
      const resource = resourceById(built.statelessTemplate, 'AWS::Lambda::Function', id);
      const variables = (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.INTERNAL_CALLER_ARNS, route.id).toBe(route.auth === 'iam' ? BACKEND : undefined);
    }
  });

  it("denies the bus's questline events to all but the publishers, and every other event to all but the callers", () => {
    expect(busPolicies(built)).toEqual([
      {
        EventBusName: expect.anything(),
        StatementId: 'OnlyQuestlinePublishesQuestlineEvents',
        Statement: {
          Sid: 'OnlyQuestlinePublishesQuestlineEvents',
          Effect: 'Deny',
          Principal: '*',
          Action: 'events:PutEvents',
          Resource: expect.anything(),
          Condition: {
            StringEquals: { 'events:source': 'questline' },
            ArnNotLike: {
              'aws:PrincipalArn': [
                roleArnOf(built, 'PublishOutbox'),
                roleArnOf(built, 'ProjectLeaderboards'),
              ],
            },
          },
        },
      },
      {
        EventBusName: expect.anything(),
        StatementId: 'OnlyInternalCallersPutInboundEvents',
        Statement: {
          Sid: 'OnlyInternalCallersPutInboundEvents',
          Effect: 'Deny',
          Principal: '*',
          Action: 'events:PutEvents',
          Resource: expect.anything(),
          Condition: {
            StringNotEquals: { 'events:source': 'questline' },
            ArnNotLike: { 'aws:PrincipalArn': [BACKEND] },
          },
        },
      },
    ]);
  });
});

describe('internal callers, not listed (the default)', () => {
  const built = buildApp();

  it('still keeps questline events to the publishers, and says in synth that anyone in the account is a caller', () => {
    expect(busPolicies(built).map((p) => p.StatementId)).toEqual(['OnlyQuestlinePublishesQuestlineEvents']);
    const warnings = readReport(built.outdir)
      .pluginReports.flatMap((r) => r.violations)
      .map((v) => v.ruleName);
    expect(warnings).toEqual(['Annotation::questline:internal-callers']);
  });
});
