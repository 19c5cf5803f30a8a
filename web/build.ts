import { copyFileSync, mkdirSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, buildSync } from 'esbuild';

/**
 * Builds the dashboard into `outdir`: index.html, app.js (Preact and the
 * page, minified, every dependency inside: nothing loads from a CDN) and
 * app.css. The runtime config (config.json) is not part of the build: the
 * local runtime and the deployment each write their own beside it.
 */

const webRoot = dirname(fileURLToPath(import.meta.url));

export interface WebBuild {
  outdir: string;
  /** bytes of each file, and gzipped */
  sizes: { file: string; bytes: number; gzipped: number }[];
}

const options = (outdir: string): BuildOptions => ({
  entryPoints: { app: join(webRoot, 'src/main.tsx') },
  outdir,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
});

export async function buildWeb(outdir: string): Promise<WebBuild> {
  await mkdir(outdir, { recursive: true });
  await build(options(outdir));
  await copyFile(join(webRoot, 'index.html'), join(outdir, 'index.html'));
  const sizes = await Promise.all(
    ['index.html', 'app.js', 'app.css'].map(async (file) => {
      const bytes = await readFile(join(outdir, file));
      return { file, bytes: bytes.length, gzipped: gzipSync(bytes).length };
    }),
  );
  return { outdir, sizes };
}

/** The same build, synchronously: the CDK app defines its stacks synchronously (the deployed site's asset). */
export function buildWebSync(outdir: string): string {
  mkdirSync(outdir, { recursive: true });
  buildSync(options(outdir));
  copyFileSync(join(webRoot, 'index.html'), join(outdir, 'index.html'));
  return outdir;
}

// `npm run build:web [-- <outdir>]`: build and print the sizes (the first screen's budget is 100 KB gzipped).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildWeb(process.argv[2] ?? join(webRoot, 'dist'));
  for (const { file, bytes, gzipped } of result.sizes) {
    console.log(
      `${file.padEnd(11)} ${(bytes / 1024).toFixed(1).padStart(7)} KB  gzipped ${(gzipped / 1024).toFixed(1).padStart(6)} KB`,
    );
  }
  console.log(`written to ${result.outdir}`);
}
