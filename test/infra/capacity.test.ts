import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes';
import { type BuiltApp, buildApp, resourcesOf } from './support/synth';

/** What a burst of one kind of work may take from the others (issue 17: capacity isolation). */
describe('capacity isolation', () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });

  const functionIdOf = (id: string) => {
    const fn = built.stateless.busRouting.functions.get(id) ?? built.stateless.httpApi.functions.get(id);
    if (!fn) throw new Error(`no function ${id}`);
    return built.stateless.getLogicalId(fn.fn.node.defaultChild as never);
  };

  it("caps the inbound queue's consumer at 5 concurrent invocations by default", () => {
    const mappings = Object.values(
      resourcesOf(built.statelessTemplate, 'AWS::Lambda::EventSourceMapping'),
    ).filter(
      (m) =>
        JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: functionIdOf('ActivitiesIn') }),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 5 });
  });

  it('gives the public routes and scene requests limits of their own, below the stage', () => {
    const stages = Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Stage')).filter(
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
    const functions = Object.values(resourcesOf(built.statelessTemplate, 'AWS::Lambda::Function'));
    expect(functions.filter((f) => f.Properties.ReservedConcurrentExecutions !== undefined)).toEqual([]);
  });
});

describe('capacity isolation, as the operator sets it', () => {
  it('takes the inbound limit and reserves concurrency for the functions named', () => {
    const built = buildApp({
      questline: { capacity: { inboundMaxConcurrency: 20, reservedConcurrency: { RecordActivity: 50 } } },
    });
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
    expect(limits).toEqual([{ MaximumConcurrency: 20 }]);
  });

  it('refuses to reserve for a function the stack does not have, naming it', () => {
    expect(() =>
      buildApp({ questline: { capacity: { reservedConcurrency: { RecordActivty: 5 } } } }),
    ).toThrow(/RecordActivty, which is no function/);
  });
});
