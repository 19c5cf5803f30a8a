import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuestlineContext } from '../../lib/config';
import { projectRoot } from '../../lib/project-root';
import { type BuiltApp, buildApp, defineApp } from './support/synth';

const defaultRules = JSON.parse(readFileSync(join(projectRoot, 'shared/rules/default-rules.json'), 'utf8'));

describe('rules file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'questline-infra-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function rulesFile(name: string, content: string): string {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  }

  it('fails synth naming the offending field', () => {
    const broken = structuredClone(defaultRules);
    broken.activities.lesson_complete.xp = -5;
    const file = rulesFile('negative-xp.json', JSON.stringify(broken));
    expect(() => defineApp({ questline: { rulesFile: file } })).toThrow(/activities\.lesson_complete\.xp/);
  });

  it('fails synth naming a field a cross-field rule rejects', () => {
    const broken = structuredClone(defaultRules);
    broken.multipliers.vip.premium = 1;
    const file = rulesFile('cheap-premium.json', JSON.stringify(broken));
    expect(() => defineApp({ questline: { rulesFile: file } })).toThrow(/multipliers\.vip\.premium/);
  });

  it('fails synth on a file that is not JSON, naming the file', () => {
    const file = rulesFile('not-json.json', '{ "version": 1,');
    expect(() => defineApp({ questline: { rulesFile: file } })).toThrow(/not-json\.json is not valid JSON/);
  });

  it('fails synth on a missing file, naming it', () => {
    expect(() => defineApp({ questline: { rulesFile: join(dir, 'absent.json') } })).toThrow(/absent\.json/);
  });

  it('accepts valid operator rules', () => {
    const custom = structuredClone(defaultRules);
    custom.activities.lesson_complete.xp = 40;
    const file = rulesFile('custom.json', JSON.stringify(custom));
    expect(() => defineApp({ questline: { rulesFile: file } })).not.toThrow();
  });
});

describe('questline context', () => {
  it('rejects an unknown retention period, naming the key', () => {
    expect(() => defineApp({ questline: { logRetentionDays: 42 } })).toThrow(/questline\.logRetentionDays/);
  });

  it('rejects unknown keys, so a typo does not silently deploy defaults', () => {
    expect(() => defineApp({ questline: { deletionProtecton: false } })).toThrow(/deletionProtecton/);
  });

  it('rejects an issuer that is not https', () => {
    expect(() =>
      defineApp({ questline: { auth: { issuer: 'http://issuer.example', audiences: ['app'] } } }),
    ).toThrow(/questline\.auth\.issuer/);
  });

  it('accepts the context as a JSON string, as `cdk synth -c questline=...` passes it', () => {
    const config = parseQuestlineContext(JSON.stringify({ deletionProtection: false, logRetentionDays: 90 }));
    expect(config).toMatchObject({ deletionProtection: false, logRetentionDays: 90 });
  });

  it('defaults to the shipped rules, deletion protection on, 30 days of logs, 90 of archived events, scenes by Bedrock', () => {
    expect(parseQuestlineContext(undefined)).toEqual({
      rulesFile: 'shared/rules/default-rules.json',
      deletionProtection: true,
      logRetentionDays: 30,
      eventArchiveDays: 90,
      scenes: {
        provider: 'bedrock',
        modelId: 'stability.stable-image-core-v1:1',
        minConfidence: 50,
        dailyPerUser: 10,
        dailyBudget: 1000,
      },
      dashboard: {},
      internalCallers: [],
      capacity: { inboundMaxConcurrency: 5, reservedConcurrency: {} },
    });
  });

  it('refuses capacity limits out of range, naming the field', () => {
    expect(() => parseQuestlineContext({ capacity: { inboundMaxConcurrency: 1 } })).toThrow(
      /capacity\.inboundMaxConcurrency/,
    );
    expect(() => parseQuestlineContext({ capacity: { reservedConcurrency: { RecordActivity: 0 } } })).toThrow(
      /capacity\.reservedConcurrency\.RecordActivity/,
    );
  });

  it('takes a scenes provider and refuses an unknown one, naming the field', () => {
    expect(parseQuestlineContext({ scenes: { provider: 'procedural' } }).scenes.provider).toBe('procedural');
    expect(() => parseQuestlineContext({ scenes: { provider: 'dall-e' } })).toThrow(/scenes\.provider/);
    expect(() => parseQuestlineContext({ scenes: { minConfidence: 101 } })).toThrow(/scenes\.minConfidence/);
  });

  it('refuses an archive retention out of range, naming the field', () => {
    expect(() => parseQuestlineContext({ eventArchiveDays: -1 })).toThrow(/eventArchiveDays/);
    expect(() => parseQuestlineContext({ eventArchiveDays: 1.5 })).toThrow(/eventArchiveDays/);
  });
});

describe('an existing OIDC issuer', () => {
  const auth = {
    issuer: 'https://login.example.com/tenant',
    audiences: ['questline-api', 'questline-mobile'],
  };
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp({ questline: { auth } });
  });

  it('replaces the Cognito user pool', () => {
    for (const template of [built.statefulTemplate, built.statelessTemplate]) {
      template.resourceCountIs('AWS::Cognito::UserPool', 0);
      template.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    }
    expect(Object.keys(built.statefulTemplate.toJSON().Outputs ?? {})).not.toContain('UserPoolId');
  });

  it('is what the JWT authorizer trusts', () => {
    built.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: auth.issuer, Audience: auth.audiences },
    });
  });
});
