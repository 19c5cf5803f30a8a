import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

export interface DynamoClientOptions {
  /** DynamoDB Local's URL; absent on AWS */
  endpoint?: string;
  region?: string;
  /**
   * Default true. false resolves the middleware at every send, as the SDK
   * does by default: only the bench's bare-SDK baseline.
   */
  cacheMiddleware?: boolean;
}

/** The client and the table: what the store adapters are built from. */
export interface DynamoTable {
  client: DynamoDBClient;
  tableName: string;
}

/**
 * The one DynamoDB client of a process; build it once (cold start) and share
 * it with every adapter.
 *
 * - Its middleware is resolved once per command class (`cacheMiddleware`),
 *   not at every send: about 0.12 ms of CPU a call here. lib-dynamodb's
 *   DocumentClient refuses such a client (its commands marshal per
 *   instance), so the adapters send plain values through plain-commands.ts.
 * - With an endpoint we are talking to DynamoDB Local, which accepts any
 *   credentials: fixed ones skip the SDK's credential chain, whose
 *   instance-metadata probe would otherwise stall the first call by seconds.
 *   Requests carry a fixed Authorization header instead of a computed SigV4
 *   signature: DynamoDB Local reads the access key but never checks the
 *   signature, and signing was a tenth of the local runtime's CPU per request.
 */
export function createDynamoClient(opts: DynamoClientOptions = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = { cacheMiddleware: opts.cacheMiddleware ?? true };
  if (opts.region) config.region = opts.region;
  if (opts.endpoint) {
    config.endpoint = opts.endpoint;
    config.region = opts.region ?? process.env.AWS_REGION ?? 'local';
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    config.signer = { sign: async (request) => signedForDynamoDbLocal(request) };
  }
  return new DynamoDBClient(config);
}

const LOCAL_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

function signedForDynamoDbLocal<R extends { headers: Record<string, string> }>(request: R): R {
  request.headers.authorization = LOCAL_AUTHORIZATION;
  return request;
}
