import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { defineQuestline } from '../lib/questline-app';

/**
 * The Questline CDK app: stacks QuestlineStateful (table, bus, user pool) and
 * QuestlineStateless (HTTP API, functions, alarms).
 *
 * Configure with the context key `questline` (in cdk.json, or
 * `cdk synth -c questline='{"deletionProtection":false}'`):
 * - rulesFile: path of the rules JSON, from the repository root
 *   (default shared/rules/default-rules.json); validated here, so invalid
 *   rules fail synth naming each bad field, then inlined into every bundle.
 * - auth: { issuer, audiences[] } of an existing OIDC issuer for end-user
 *   JWTs; without it a Cognito user pool and app client are created.
 * - deletionProtection: true (default) guards the table and the user pool.
 * - logRetentionDays: CloudWatch Logs retention for functions and access logs (default 30).
 */
const app = new App();

// A report left by an earlier failed synth would otherwise be read as this run's verdict.
rmSync(join(app.outdir, 'validation-report.json'), { force: true });

defineQuestline(app, {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: process.env.CDK_DEFAULT_REGION,
});
