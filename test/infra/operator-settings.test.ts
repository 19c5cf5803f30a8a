import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes';
import { readReport } from './support/nag-report';
import { type BuiltApp, buildApp, resourceById, resourcesOf } from './support/synth';

/**
 * The operator's settings, as the template carries them: capacity
 * isolation and the internal callers. Two synths for the whole file (the
 * default configuration, and one with every setting given): each costs
 * seconds.
 */

const BACKEND = 'arn:aws:iam::123456789012:role/studyapp-backend';

let defaults: BuiltApp;
let configured: BuiltApp;
beforeAll(() => {
  defaults = buildApp();
  configured = buildApp({
    questline: {
      internalCallers: [BACKEND],
      capacity: { inboundMaxConcurrency: 20, reservedConcurrency: { RecordActivity: 50 } },
    },
  });
});

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

const functionIdOf = (built: BuiltApp, id: string) => {
  const fn = built.stateless.busRouting.functions.get(id) ?? built.stateless.httpApi.functions.get(id);
  if (!fn) throw new Error(`no function ${id}`);
  return built.stateless.getLogicalId(fn.fn.node.defaultChild as CfnElement);
};

describe('capacity isolation', () => {
  it("caps the inbound queue's consumer at 5 concurrent invocations by default", () => {
    const mappings = Object.values(
      resourcesOf(defaults.statelessTemplate, 'AWS::Lambda::EventSourceMapping'),
    ).filter(
      (m) =>
        JSON.stringify(m.Properties.FunctionName) ===
        JSON.stringify({ Ref: functionIdOf(defaults, 'ActivitiesIn') }),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 5 });
  });

  it('gives the public routes and scene requests limits of their own, below the stage', () => {
    const stages = Object.values(resourcesOf(defaults.statelessTemplate, 'AWS::ApiGatewayV2::Stage')).filter(
      (s) => s.Properties.StageName === '$default',
    );
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.Properties as {
      DefaultRouteSettings: { ThrottlingRateLimit: number };
      RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    };
    expect(stage.RouteSettings).toEqual({
      'GET /v1/achievements': { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      'GET /v1/openapi.json': { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      'GET /v1/leaderboards': { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      'POST /v1/me/scenes': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
    // every public route is among them
    for (const route of routes.filter((r) => r.auth === 'public')) {
      expect(stage.RouteSettings[`${route.method} ${route.path}`]).toBeDefined();
    }
    for (const settings of Object.values(stage.RouteSettings)) {
      expect(settings.ThrottlingRateLimit).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit);
    }
  });

  it('reserves no concurrency unless the operator names functions', () => {
    const functions = Object.values(resourcesOf(defaults.statelessTemplate, 'AWS::Lambda::Function'));
    expect(functions.filter((f) => f.Properties.ReservedConcurrentExecutions !== undefined)).toEqual([]);
  });
});

describe('capacity isolation, as the operator sets it', () => {
  it('takes the inbound limit and reserves concurrency for the functions named', () => {
    const built = configured;
    const record = built.stateless.httpApi.functions.get('RecordActivity');
    const recordId = built.stateless.getLogicalId(record?.fn.node.defaultChild as never);
    const functions = resourcesOf(built.statelessTemplate, 'AWS::Lambda::Function');
    expect(functions[recordId]?.Properties.ReservedConcurrentExecutions).toBe(50);
    const reserved = Object.values(functions).filter(
      (f) => f.Properties.ReservedConcurrentExecutions !== undefined,
    );
    expect(reserved).toHaveLength(1);
    const limits = Object.values(resourcesOf(built.statelessTemplate, 'AWS::Lambda::EventSourceMapping'))
      .map((m) => m.Properties.ScalingConfig)
      .filter(Boolean);
    // the inbound queue's consumer and the webhook queue's: bursts wait in their queues
    expect(limits).toEqual([{ MaximumConcurrency: 20 }, { MaximumConcurrency: 20 }]);
  });

  it('refuses to reserve for a function the stack does not have, naming it', () => {
    expect(() =>
      buildApp({ questline: { capacity: { reservedConcurrency: { RecordActivty: 5 } } } }),
    ).toThrow(/RecordActivty, which is no function/);
  });
});

describe('internal callers, listed by the operator', () => {
  it('gives every internal route (and only those) the allowlist to check the signer against', () => {
    for (const route of routes) {
      const fn = configured.stateless.httpApi.functions.get(route.id);
      const id = configured.stateless.getLogicalId(fn?.fn.node.defaultChild as CfnElement);
      const resource = resourceById(configured.statelessTemplate, 'AWS::Lambda::Function', id);
      const variables = (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.INTERNAL_CALLER_ARNS, route.id).toBe(route.auth === 'iam' ? BACKEND : undefined);
    }
  });

  it("denies the bus's questline events to all but the publishers, and every other event to all but the callers", () => {
    expect(busPolicies(configured)).toEqual([
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
                roleArnOf(configured, 'PublishOutbox'),
                roleArnOf(configured, 'ProjectLeaderboards'),
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
  it('still keeps questline events to the publishers, and says in synth that anyone in the account is a caller', () => {
    expect(busPolicies(defaults).map((p) => p.StatementId)).toEqual([
      'OnlyQuestlinePublishesQuestlineEvents',
    ]);
    const warnings = readReport(defaults.outdir)
      .pluginReports.flatMap((r) => r.violations)
      .map((v) => v.ruleName);
    expect(warnings).toEqual(['Annotation::questline:internal-callers']);
  });
});
