import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { signatureOf } from '../../../shared/domain/webhooks/signature';

/** The README's receiver snippet, run as a receiver would run it, against what Questline sends. */
const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
const snippet = /A receiver checks the signature like this[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
const dir = mkdtempSync(join(tmpdir(), 'readme-snippet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Verify = (header: string, rawBody: string, secret: string, toleranceSeconds?: number) => boolean;

describe("the README's signature check", () => {
  it('accepts what Questline signs, with either secret of a rotation, and nothing else', async () => {
    expect(snippet, 'the README lost its receiver snippet').toBeTruthy();
    const file = join(dir, 'verify.mjs');
    writeFileSync(file, snippet ?? '');
    const { verifyQuestlineSignature } = (await import(pathToFileURL(file).href)) as {
      verifyQuestlineSignature: Verify;
    };
    const body = '{"metadata":{"id":"abc","type":"level.up"},"data":{"level":2}}';
    const header = signatureOf(body, ['whsec_new', 'whsec_old'], new Date());
    expect(verifyQuestlineSignature(header, body, 'whsec_new')).toBe(true);
    expect(verifyQuestlineSignature(header, body, 'whsec_old')).toBe(true);
    expect(verifyQuestlineSignature(header, body, 'whsec_other')).toBe(false);
    expect(verifyQuestlineSignature(header, body.replace('2', '3'), 'whsec_new')).toBe(false);
    const old = signatureOf(body, ['whsec_new'], new Date(Date.now() - 600_000));
    expect(verifyQuestlineSignature(old, body, 'whsec_new')).toBe(false);
  });
});
