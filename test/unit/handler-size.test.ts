import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../lib/project-root';

/** Handlers stay thin: they parse at the edge and call a use case; the logic lives in shared/. */
const MAX_HANDLER_LINES = 40;

function handlerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return handlerFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the Lambda handlers (functions/)', () => {
  const files = handlerFiles(join(projectRoot, 'functions'));

  it('are all found', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it(`are at most ${MAX_HANDLER_LINES} lines each`, () => {
    const tooLong = files
      .map((file) => ({
        file: relative(projectRoot, file),
        lines: readFileSync(file, 'utf8').trimEnd().split('\n').length,
      }))
      .filter(({ lines }) => lines > MAX_HANDLER_LINES);
    expect(tooLong).toEqual([]);
  });
});
