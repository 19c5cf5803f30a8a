import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiFunction } from '../../lib/constructs/api-function';
import { routes } from '../../shared/http/routes';
import { asList, statementsOfRole } from './support/iam';
import { type BuiltApp, buildApp, resourceById, resourcesOf } from './support/synth';

/** Who may start the scene workflow and who only shows scenes: the routes' and bus routes' `scenes`. */
describe('scene access of the routes and the milestone trigger', () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });
  const id = (element: unknown) => built.stateless.getLogicalId(element as CfnElement);
  const machineId = () => id(built.stateless.sceneWorkflow.stateMachine.node.defaultChild);
  const envOf = (fn: ApiFunction) =>
    (
      resourceById(built.statelessTemplate, 'AWS::Lambda::Function', id(fn.fn.node.defaultChild)).Properties
        .Environment as { Variables: Record<string, unknown> }
    ).Variables;
  const statesActionsOf = (fn: ApiFunction) =>
    statementsOfRole(built.statelessTemplate, id(fn.role.node.defaultChild))
      .filter((s) => asList(s.Action).some((a) => a.startsWith('states:')))
      .map((s) => ({ actions: asList(s.Action), resource: s.Resource }));
  const everyFunction = (): [string, ApiFunction][] => [
    ...built.stateless.httpApi.functions,
    ...built.stateless.busRouting.functions,
  ];

  it('lets exactly the starters start executions, of the scene state machine only', () => {
    const starters = new Set(['UpdateMyMonster', 'RequestScene', 'ScenesOnMilestone']);
    expect(
      routes
        .filter((r) => r.scenes === 'start')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['RequestScene', 'UpdateMyMonster']);
    for (const [name, fn] of everyFunction()) {
      const granted = statesActionsOf(fn);
      if (!starters.has(name)) {
        expect(granted, name).toEqual([]);
        expect(envOf(fn).SCENE_WORKFLOW_ARN, name).toBeUndefined();
        continue;
      }
      expect(granted, name).toEqual([{ actions: ['states:StartExecution'], resource: { Ref: machineId() } }]);
      expect(envOf(fn).SCENE_WORKFLOW_ARN, name).toEqual({ Ref: machineId() });
    }
  });

  it("gives every function that shows or starts scenes the images' CloudFront URL, and no other", () => {
    const showing = new Set([...routes.filter((r) => r.scenes).map((r) => r.id), 'ScenesOnMilestone']);
    for (const [name, fn] of everyFunction()) {
      const url = envOf(fn).SCENES_BASE_URL;
      if (showing.has(name)) expect(JSON.stringify(url), name).toMatch(/SceneImagesCdn.*DomainName/);
      else expect(url, name).toBeUndefined();
    }
  });

  it('routes milestone.reached from questline to the scene trigger, retried, with a dead-letter queue', () => {
    const trigger = built.stateless.busRouting.functions.get('ScenesOnMilestone');
    const rule = Object.values(resourcesOf(built.statelessTemplate, 'AWS::Events::Rule')).find((r) =>
      JSON.stringify(r.Properties.Targets).includes(id(trigger?.fn.node.defaultChild)),
    );
    expect(rule?.Properties.EventPattern).toEqual({
      source: ['questline'],
      'detail-type': ['milestone.reached'],
    });
    expect(rule?.Properties.Targets).toEqual([
      expect.objectContaining({
        RetryPolicy: { MaximumRetryAttempts: 2 },
        DeadLetterConfig: expect.any(Object),
      }),
    ]);
  });
});
