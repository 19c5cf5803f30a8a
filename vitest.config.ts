import { defineConfig } from 'vitest/config';

/**
 * One project per test tier; `npm test` runs them all. The integration and
 * api tiers share ONE DynamoDB Local per run (started in memory by their
 * global setup, stopped at the end); e2e starts its own local runtime.
 * The scale tier (thousands of users against the brute force) saturates
 * DynamoDB Local and the CPU, which would starve the timing-sensitive tests
 * (contention retries with deadlines): it runs after every other tier.
 */
const dynamodbLocal = {
  globalSetup: ['test/support/dynamodb-local.global.ts'],
  setupFiles: ['test/support/dynamodb-env.setup.ts'],
};

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          ...dynamodbLocal,
          sequence: { groupOrder: 0 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
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
          testTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          sequence: { groupOrder: 0 },
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
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
