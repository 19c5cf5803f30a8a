import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoClientOptions {
  /** DynamoDB Local's URL; absent on AWS */
  endpoint?: string;
  region?: string;
  /**
   * Default true. false resolves the low-level client's middleware at every
   * send, as the SDK does by default: only the bench's bare-SDK baseline.
   */
  cacheMiddleware?: boolean;
}

export interface DynamoClients {
  /**
   * The low-level client, with each command's middleware resolved once per
   * process (`cacheMiddleware`) instead of at every send: about 0.1 ms of CPU
   * a call here. The activity path's reads and its transaction go through it,
   * marshalled by wire.ts.
   */
  client: DynamoDBClient;
  /**
   * The DocumentClient, for every other adapter. lib-dynamodb refuses a client
   * with cached middleware (its commands marshal per instance), so it has a
   * low-level client of its own, sharing the first one's HTTP handler (one
   * pool of kept-alive sockets).
   */
  doc: DynamoDBDocumentClient;
}

/** The clients and the table: what the store adapters are built from. */
export interface DynamoTable extends DynamoClients {
  tableName: string;
}

/**
 * The clients every DynamoDB adapter shares; build them once per process
 * (cold start). With an endpoint we are talking to DynamoDB Local, which
 * accepts any credentials: fixed ones skip the SDK's credential chain, whose
 * instance-metadata probe would otherwise stall the first call by seconds.
 * Requests carry a fixed Authorization header instead of a computed SigV4
 * signature: DynamoDB Local reads the access key but never checks the
 * signature, and signing was a tenth of the local runtime's CPU per request.
 */
export function createDynamoClients(opts: DynamoClientOptions = {}): DynamoClients {
  const config: DynamoDBClientConfig = {};
  if (opts.region) config.region = opts.region;
  if (opts.endpoint) {
    config.endpoint = opts.endpoint;
    config.region = opts.region ?? process.env.AWS_REGION ?? 'local';
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    config.signer = { sign: async (request) => signedForDynamoDbLocal(request) };
  }
  const client = new DynamoDBClient({ ...config, cacheMiddleware: opts.cacheMiddleware ?? true });
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ ...config, requestHandler: client.config.requestHandler }),
    // Optional domain fields (subjectId, activityType) are undefined, not absent.
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return { client, doc };
}

const LOCAL_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

function signedForDynamoDbLocal<R extends { headers: Record<string, string> }>(request: R): R {
  request.headers.authorization = LOCAL_AUTHORIZATION;
  return request;
}
