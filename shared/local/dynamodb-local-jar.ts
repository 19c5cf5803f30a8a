import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * DynamoDB Local's jar ships inside an npm package; only its emulator folder
 * is extracted (the package's dependencies are ~300 MB we never need).
 */

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
/** Pinned so a republished or tampered tarball is refused rather than run. */
const PACKAGE_INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Git-ignored; one sub-folder per package version so an upgrade never mixes jars. */
export const DYNAMODB_LOCAL_CACHE_DIR = join(REPO_ROOT, '.dynamodb-local');
const JAR_DIR = join(DYNAMODB_LOCAL_CACHE_DIR, PACKAGE.replace('@', '-'));

const run = promisify(execFile);

/** Returns the folder holding DynamoDBLocal.jar, fetching it once. Safe to call concurrently. */
export async function ensureDynamoDbLocalJar(): Promise<string> {
  if (isComplete(JAR_DIR)) return JAR_DIR;
  await mkdir(DYNAMODB_LOCAL_CACHE_DIR, { recursive: true });
  // The temp folder sits next to the target so the final rename is atomic:
  // a concurrent fetch either sees nothing or the whole folder.
  const work = await mkdtemp(join(DYNAMODB_LOCAL_CACHE_DIR, '.fetch-'));
  try {
    await run('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], { cwd: work });
    const tarball = (await readdir(work)).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${PACKAGE} produced no tarball`);
    const integrity = await sha512(join(work, tarball));
    if (integrity !== PACKAGE_INTEGRITY) {
      throw new Error(`${PACKAGE}: integrity ${integrity} does not match the pinned ${PACKAGE_INTEGRITY}`);
    }
    await run('tar', ['-xzf', join(work, tarball), '-C', work, 'package/emulator']);
    try {
      await rename(join(work, 'package', 'emulator'), JAR_DIR);
    } catch (error) {
      // Another process won the race; its copy is complete by construction.
      if (!isComplete(JAR_DIR)) throw error;
    }
    return JAR_DIR;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function isComplete(dir: string): boolean {
  return existsSync(join(dir, 'DynamoDBLocal.jar')) && existsSync(join(dir, 'DynamoDBLocal_lib'));
}

async function sha512(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}
