import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp, resourcesOf } from './support/synth';

describe('alarms', () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });

  it('watches every function of the stateless stack for errors (HTTP, stream, bus and WebSocket alike)', () => {
    const functions = Object.keys(resourcesOf(built.statelessTemplate, 'AWS::Lambda::Function'));
    const alarmed = Object.values(resourcesOf(built.statelessTemplate, 'AWS::CloudWatch::Alarm'))
      .filter((alarm) => alarm.Properties.MetricName === 'Errors')
      .flatMap((alarm) => (alarm.Properties.Dimensions as { Name: string; Value: { Ref?: string } }[]) ?? [])
      .filter((dimension) => dimension.Name === 'FunctionName')
      .map((dimension) => dimension.Value.Ref);
    expect(functions.length).toBeGreaterThan(20);
    for (const fn of functions) expect(alarmed, fn).toContain(fn);
  });
});
