import * as z from 'zod';
import { ApiGatewayConnectionPoster } from './adapters/apigw/connection-poster';
import { JwtTokenVerifier } from './adapters/auth/jwt-token-verifier';
import { createDynamoClient } from './adapters/dynamo/client';
import { DynamoConnectionStore } from './adapters/dynamo/connection-store';
import { type Env, parseEnv, tableEnvSchema } from './env';
import type { Clock } from './ports/operations';
import type { ConnectionPoster, ConnectionStore, TokenVerifier } from './ports/realtime';

/**
 * The composition root of the WebSocket handlers and the notifier. Each
 * dependency is built on first use from the variables it alone needs, so a
 * function gets only the environment (and the grants) of what it uses:
 *
 * - connections: TABLE_NAME, DYNAMODB_ENDPOINT (only locally), AWS_REGION
 * - poster: WS_CALLBACK_URL, the stage's https callback URL (management API)
 * - tokens: AUTH_ISSUER, AUTH_AUDIENCE (comma-separated), AUTH_SCOPES (space-separated,
 *   optional), AUTH_JWKS_URI (optional: else Cognito's place or the issuer's discovery document)
 *
 * The local runtime and tests call overrideRealtimeDeps() before the first
 * invocation to put their own in place (the local runtime's dev tokens are
 * HS256, which aws-jwt-verify does not take; its poster needs a client with
 * fixed credentials). An overridden dependency never reads the environment.
 */

export interface RealtimeDeps {
  connections: ConnectionStore;
  poster: ConnectionPoster;
  tokens: TokenVerifier;
  clock: Clock;
}

const tableEnv = tableEnvSchema;

const posterEnv = z.object({
  WS_CALLBACK_URL: z.url({ error: "the WebSocket stage's callback URL (https://.../<stage>)" }),
});

const audienceList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((audience) => audience.trim())
      .filter((audience) => audience !== ''),
  )
  .pipe(z.array(z.string()).min(1, 'at least one audience (comma-separated)'));

const tokenEnv = z.object({
  AUTH_ISSUER: z.url({ error: 'the JWT issuer URL (the tokens’ `iss`)' }),
  AUTH_AUDIENCE: audienceList,
  AUTH_JWKS_URI: z.url().optional(),
  /** space-separated; the token must carry one (unset: no scope check) */
  AUTH_SCOPES: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(' ').filter(Boolean)),
});

export function createConnectionStore(env: Env): ConnectionStore {
  const config = parseEnv(tableEnv, env, 'the realtime connection store');
  const client = createDynamoClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  return new DynamoConnectionStore({ client, tableName: config.TABLE_NAME });
}

export function createPoster(env: Env): ConnectionPoster {
  return new ApiGatewayConnectionPoster({
    endpoint: parseEnv(posterEnv, env, 'the realtime poster').WS_CALLBACK_URL,
  });
}

export function createTokenVerifier(env: Env): TokenVerifier {
  const config = parseEnv(tokenEnv, env, 'the realtime token verifier');
  return new JwtTokenVerifier({
    issuer: config.AUTH_ISSUER,
    audiences: config.AUTH_AUDIENCE,
    scopes: config.AUTH_SCOPES,
    ...(config.AUTH_JWKS_URI === undefined ? {} : { jwksUri: config.AUTH_JWKS_URI }),
  });
}

const builders: { [K in keyof RealtimeDeps]: (env: Env) => RealtimeDeps[K] } = {
  connections: createConnectionStore,
  poster: createPoster,
  tokens: createTokenVerifier,
  clock: () => ({ now: () => new Date() }),
};

let current: Partial<RealtimeDeps> = {};

function get<K extends keyof RealtimeDeps>(key: K): RealtimeDeps[K] {
  const existing = current[key];
  if (existing !== undefined) return existing as RealtimeDeps[K];
  const built = builders[key](process.env);
  current[key] = built;
  return built;
}

/** The process-wide dependencies; each is built from the environment on first use, then reused. */
export function realtimeDeps(): RealtimeDeps {
  return {
    get connections() {
      return get('connections');
    },
    get poster() {
      return get('poster');
    },
    get tokens() {
      return get('tokens');
    },
    get clock() {
      return get('clock');
    },
  };
}

/** Replaces some dependencies (the local runtime, tests); the others are still built from the environment. */
export function overrideRealtimeDeps(overrides: Partial<RealtimeDeps>): void {
  current = { ...current, ...overrides };
}

/** Forgets every dependency, overridden or built: the next use builds from the environment again. */
export function resetRealtimeDeps(): void {
  current = {};
}
