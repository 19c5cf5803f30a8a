import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKFILL_SEGMENTS } from '../../lib/constructs/rules-backfill';
import defaultRulesJson from '../../shared/rules/default-rules.json';
import { defaultRules, parseRules } from '../../shared/rules/load';
import { rulesVersionOf } from '../../shared/rules/version';
import { asList, statementsOfRole } from './support/iam';
import { type BuiltApp, buildApp, type CfnResource, resourcesOf, single } from './support/synth';

/** The rules backfill on AWS: its state machine, its task, and the deploy-time start when the rules change. */

const dir = mkdtempSync(join(tmpdir(), 'backfill-infra-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let built: BuiltApp;
beforeAll(() => {
  built = buildApp();
});

const idOf = (app: BuiltApp, element: unknown) => app.stateless.getLogicalId(element as CfnElement);
const machineOf = (app: BuiltApp) =>
  resourcesOf(app.statelessTemplate, 'AWS::StepFunctions::StateMachine')[
    idOf(app, app.stateless.rulesBackfill.stateMachine.node.defaultChild)
  ] as CfnResource;
const startOf = (app: BuiltApp) => {
  const start = single(
    Object.values(resourcesOf(app.statelessTemplate, 'Custom::AWS')),
    'start on new rules',
  );
  return JSON.parse(JSON.stringify(start.Properties.Create)) as unknown;
};

describe('the rules backfill', () => {
  it('maps over the Scan segments, 4 at a time, looping each until it is done', () => {
    const machine = machineOf(built);
    expect(machine.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
    });
    const definition = JSON.stringify(machine.Properties.DefinitionString);
    expect(definition).toContain('\\"ItemsPath\\":\\"$.segments\\"');
    expect(definition).toContain('\\"MaxConcurrency\\":4');
    expect(definition).toContain(`\\"totalSegments\\":${BACKFILL_SEGMENTS}`);
    expect(definition).toMatch(
      /\\"Variable\\":\\"\$\.done\\",\\"BooleanEquals\\":false,\\"Next\\":\\"Backfill a segment\\"/,
    );
  });

  it('runs its task for up to 15 minutes, with read-write access to the table and an errors alarm', () => {
    const fn = built.stateless.rulesBackfill.fn;
    const resource = resourcesOf(built.statelessTemplate, 'AWS::Lambda::Function')[
      idOf(built, fn.fn.node.defaultChild)
    ];
    expect(resource?.Properties.Timeout).toBe(900);
    const actions = statementsOfRole(built.statelessTemplate, idOf(built, fn.role.node.defaultChild)).flatMap(
      (s) => asList(s.Action),
    );
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Scan', 'dynamodb:Query', 'dynamodb:PutItem']));
    const alarms = Object.values(resourcesOf(built.statelessTemplate, 'AWS::CloudWatch::Alarm'));
    expect(
      alarms.some((a) =>
        String(JSON.stringify(a.Properties.Dimensions)).includes(idOf(built, fn.fn.node.defaultChild)),
      ),
    ).toBe(true);
  });

  it('is started at deploy, named for the rules version, a repeat of a version ignored', () => {
    const start = JSON.stringify(startOf(built));
    const version = rulesVersionOf(defaultRules()).id;
    expect(start).toContain('\\"action\\":\\"startExecution\\"');
    expect(start).toContain(`\\"name\\":\\"rules-${version}\\"`);
    expect(start).toContain(`\\"physicalResourceId\\":{\\"id\\":\\"${version}\\"}`);
    expect(start).toContain('\\"ignoreErrorCodesMatching\\":\\"ExecutionAlreadyExists\\"');
  });

  it('starts again when a deploy changes the rules, and only then', () => {
    const changed = structuredClone(defaultRulesJson);
    changed.activities.quiz_completed.xp = 31;
    const file = join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify(changed));
    const same = join(dir, 'same.json');
    writeFileSync(same, JSON.stringify(defaultRulesJson, null, 4));
    expect(startOf(buildApp({ questline: { rulesFile: same } }))).toEqual(startOf(built));
    const version = rulesVersionOf(parseRules(changed, 'changed')).id;
    expect(version).not.toBe(rulesVersionOf(defaultRules()).id);
    expect(JSON.stringify(startOf(buildApp({ questline: { rulesFile: file } })))).toContain(
      `rules-${version}`,
    );
  });

  it('lets the deploy-time start start this state machine and nothing else, with no AWS managed policy', () => {
    const roles = resourcesOf(built.statelessTemplate, 'AWS::IAM::Role');
    const startRole = Object.entries(roles).find(([id]) => id.includes('StartOnNewRulesRole'));
    expect(startRole?.[1].Properties.ManagedPolicyArns).toBeUndefined();
    const statements = statementsOfRole(built.statelessTemplate, startRole?.[0] ?? '');
    const states = statements.filter((s) => asList(s.Action).some((a) => String(a).startsWith('states:')));
    expect(states).toEqual([
      expect.objectContaining({
        Action: 'states:StartExecution',
        Resource: { Ref: idOf(built, built.stateless.rulesBackfill.stateMachine.node.defaultChild) },
      }),
    ]);
  });
});
