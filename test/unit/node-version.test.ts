import { describe, expect, it } from 'vitest';
import { checkNodeVersion, UnsupportedNodeError } from '../../shared/local/node-version';

describe('the Node.js check of npm start', () => {
  it('refuses a Node.js older than 20.19, saying what to install', () => {
    for (const version of ['18.20.4', '20.18.1', '16.0.0']) {
      expect(() => checkNodeVersion(version)).toThrow(UnsupportedNodeError);
      expect(() => checkNodeVersion(version)).toThrow(
        /this is Node\.js .*install Node\.js 22 LTS .*nvm install 22/,
      );
    }
  });

  it('runs on Node 20.19+, with a one-line notice that Lambda runs 22', () => {
    expect(checkNodeVersion('20.19.0').notice).toMatch(
      /^Node\.js 20\.19\.0 runs Questline, but .*Lambda runs 22/,
    );
    expect(checkNodeVersion('20.20.2').notice).toContain('nvm install 22');
  });

  it('says nothing on the Node.js Lambda runs, or newer', () => {
    expect(checkNodeVersion('22.11.0')).toEqual({});
    expect(checkNodeVersion('24.1.0')).toEqual({});
  });
});
