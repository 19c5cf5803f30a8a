import { defineConfig } from 'vitest/config';

/**
 * One project per test tier; `npm test` runs them all, in four groups, one
 * after the other:
 * 0. unit, infra and api, two files at a time and without a fresh module
 *    graph per file (isolate: false): re-importing CDK, the SDK and zod for
 *    every file cost more than the tests themselves.
 * 1. integration, one file at a time, isolated: its stream tests read
 *    DynamoDB Local's streams, which two files at once slow past their waits,
 *    and some files override the process-wide wiring.
 * 2. e2e, one local runtime at a time.
 * 3. scale: thousands of users against the brute force saturate DynamoDB
 *    Local and the CPU, which would starve the timing-sensitive tests
 *    (contention retries with deadlines), so it runs alone, last.
 * The integration and api tiers share ONE DynamoDB Local per run (started in
 * memory by their global setup, stopped at the end).
 */
const dynamodbLocal = {
  globalSetup: ['test/support/dynamodb-local.global.ts'],
  setupFiles: ['test/support/dynamodb-env.setup.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          isolate: false,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          ...dynamodbLocal,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          isolate: false,
          maxWorkers: 2,
          ...dynamodbLocal,
          sequence: { groupOrder: 0 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          isolate: false,
          maxWorkers: 2,
          testTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'scale',
          include: ['test/scale/**/*.test.ts'],
          // its own DynamoDB Local, tuned for load rather than start-up
          globalSetup: ['test/support/dynamodb-local-bulk.global.ts'],
          setupFiles: dynamodbLocal.setupFiles,
          testTimeout: 180_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
