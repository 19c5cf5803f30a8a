import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoClientOptions {
  /** DynamoDB Local's URL; absent on AWS */
  endpoint?: string;
  region?: string;
}

/**
 * The two clients every DynamoDB adapter shares; build them once per process
 * (cold start). With an endpoint we are talking to DynamoDB Local, which
 * accepts any credentials: fixed ones skip the SDK's credential chain, whose
 * instance-metadata probe would otherwise stall the first call by seconds.
 * Requests carry a fixed Authorization header instead of a computed SigV4
 * signature: DynamoDB Local reads the access key but never checks the
 * signature, and signing was a tenth of the local runtime's CPU per request.
 */
export function createDynamoClients(opts: DynamoClientOptions = {}): {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
} {
  const config: DynamoDBClientConfig = {};
  if (opts.region) config.region = opts.region;
  if (opts.endpoint) {
    config.endpoint = opts.endpoint;
    config.region = opts.region ?? process.env.AWS_REGION ?? 'local';
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    config.signer = { sign: async (request) => signedForDynamoDbLocal(request) };
  }
  const client = new DynamoDBClient(config);
  const doc = DynamoDBDocumentClient.from(client, {
    // Optional domain fields (subjectId, activityType) are undefined, not absent.
    marshallOptions: { removeUndefinedValues: true },
  });
  return { client, doc };
}

const LOCAL_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

function signedForDynamoDbLocal<R extends { headers: Record<string, string> }>(request: R): R {
  request.headers.authorization = LOCAL_AUTHORIZATION;
  return request;
}
