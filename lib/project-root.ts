import { fileURLToPath } from 'node:url';

/**
 * The repository root, resolved from this file rather than the working
 * directory, so `cdk synth`, the infra tests and any other caller bundle the
 * same entries and read the same rules file wherever they were started from.
 */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
