import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';
import { issueLines, namedIssues } from '../shared/zod-issues';

/**
 * The operator's deployment choices, read from the CDK context key `questline`
 * (cdk.json or `cdk synth -c questline='{...}'`). Parsed with zod so a typo
 * fails synth with the field's name instead of deploying something else.
 */

const retentionDays = new Set(Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'));

export const questlineContextSchema = z
  .object({
    /** rules document to bundle; relative paths resolve from the repository root */
    rulesFile: z.string().min(1).default('shared/rules/default-rules.json'),
    /** an existing OIDC issuer for end-user JWTs; when absent a Cognito user pool is created */
    auth: z
      .object({
        issuer: z.url({ protocol: /^https$/, error: 'an https URL (the token `iss`)' }),
        audiences: z.array(z.string().min(1)).min(1),
        /**
         * the scopes of which an end-user token must carry one (its `scope` or `scp`
         * claim): list your access tokens' scopes so ID tokens are refused; empty
         * leaves it to the audiences (an API audience no ID token has)
         */
        scopes: z.array(z.string().regex(/^\S+$/, 'one scope, no spaces')).default([]),
      })
      .strict()
      .optional(),
    /** protects the table and the user pool from deletion; turn off only for throwaway stacks */
    deletionProtection: z.boolean().default(true),
    logRetentionDays: z
      .number()
      .int()
      .refine((days) => retentionDays.has(days), {
        error: `one of CloudWatch Logs' retention periods: ${[...retentionDays].join(', ')}`,
      })
      .default(30),
    /** how long the bus's archive keeps events for replay; 0 keeps them forever */
    eventArchiveDays: z.number().int().min(0).max(3650).default(90),
    /** monster scenes: who draws them, and how strict moderation is */
    scenes: z
      .object({
        /** `bedrock` draws with the model (moderated by Rekognition); `procedural` with the built-in renderer only */
        provider: z.enum(['bedrock', 'procedural']).default('bedrock'),
        /** a Bedrock text-to-image model with Stability's request shape, available in the stack's region */
        modelId: z.string().min(1).default('stability.stable-image-core-v1:1'),
        /** Rekognition's minimum confidence for a moderation label to reject an image */
        minConfidence: z.number().min(0).max(100).default(50),
        /** paid generations a user may cause per UTC day; beyond, the procedural renderer draws */
        dailyPerUser: z.number().int().min(0).default(10),
        /** paid generations of the whole deployment per UTC day */
        dailyBudget: z.number().int().min(0).default(1000),
      })
      .strict()
      .prefault({}),
    /**
     * the IAM roles (or users) your backends call /v1/internal/* and put
     * inbound events as; empty: any principal of the account allowed to (synth warns)
     */
    internalCallers: z
      .array(
        z
          .string()
          .regex(
            /^arn:[\w-]+:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/,
            'an IAM role or user ARN, e.g. arn:aws:iam::123456789012:role/my-backend',
          ),
      )
      .default([]),
    /** capacity isolation: what a burst of one kind of work may take from the others */
    capacity: z
      .object({
        /** most concurrent invocations the inbound queue's consumer (ActivitiesIn) may use */
        inboundMaxConcurrency: z.number().int().min(2).max(1000).default(5),
        /**
         * concurrency reserved for (and capping) named functions, by id, e.g.
         * { "RecordActivity": 50 }. None by default: a new account's quota is 10
         * and reserving below its unreserved minimum fails the deploy.
         */
        reservedConcurrency: z.record(z.string().min(1), z.number().int().min(1).max(10_000)).default({}),
      })
      .strict()
      .prefault({}),
    /** the player's dashboard (CloudFront); how its players sign in */
    dashboard: z
      .object({
        /** the Cognito hosted UI's domain prefix, unique in the region (default questline-<account id>) */
        authDomainPrefix: z
          .string()
          .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and hyphens, 1-63')
          .optional(),
        /** with `auth` (your own OIDC issuer): its endpoints and the dashboard's public client */
        oidc: z
          .object({
            authorizeUrl: z.url({ protocol: /^https$/ }),
            tokenUrl: z.url({ protocol: /^https$/ }),
            clientId: z.string().min(1),
            scopes: z.array(z.string().min(1)).min(1).default(['openid']),
            logoutUrl: z.url({ protocol: /^https$/ }).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type QuestlineConfig = z.output<typeof questlineContextSchema>;
export type ScenesConfig = QuestlineConfig['scenes'];
export type DashboardConfig = QuestlineConfig['dashboard'];
export type CapacityConfig = QuestlineConfig['capacity'];

/** The JWT issuer, audiences and scopes API Gateway checks end-user tokens against. */
export interface JwtAuthConfig {
  issuer: string;
  audiences: string[];
  /** a token must carry one of these (none: no scope check) */
  scopes: string[];
}

export class InvalidQuestlineContextError extends Error {
  override readonly name = 'InvalidQuestlineContextError';
}

/** Accepts the context value as an object (cdk.json) or a JSON string (`-c questline=...`). */
export function parseQuestlineContext(raw: unknown): QuestlineConfig {
  let value = raw ?? {};
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new InvalidQuestlineContextError(
        `CDK context "questline" is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  const result = questlineContextSchema.safeParse(value);
  if (!result.success) {
    const issues = issueLines(namedIssues(result.error, { root: 'questline', whole: 'questline' })).map(
      (line) => `  - ${line}`,
    );
    throw new InvalidQuestlineContextError(`Invalid CDK context "questline":\n${issues.join('\n')}`);
  }
  return result.data;
}
