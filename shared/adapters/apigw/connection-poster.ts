import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { ConnectionPoster, PostOutcome } from '../../ports/realtime';

const utf8 = new TextEncoder();

/**
 * The ConnectionPoster on API Gateway's management API: POST
 * /@connections/{id} on the WebSocket stage's callback URL
 * (https://<api>.execute-api.<region>.amazonaws.com/<stage>), or on the
 * local runtime's, which serves the same route.
 */
export class ApiGatewayConnectionPoster implements ConnectionPoster {
  private readonly client: ApiGatewayManagementApiClient;

  constructor(opts: { endpoint: string } | { client: ApiGatewayManagementApiClient }) {
    this.client =
      'client' in opts ? opts.client : new ApiGatewayManagementApiClient({ endpoint: opts.endpoint });
  }

  async post(connectionId: string, payload: unknown): Promise<PostOutcome> {
    try {
      await this.client.send(
        new PostToConnectionCommand({
          ConnectionId: connectionId,
          Data: utf8.encode(JSON.stringify(payload)),
        }),
      );
      return 'sent';
    } catch (error) {
      if (isGone(error)) return 'gone';
      throw error;
    }
  }

  async close(connectionId: string): Promise<void> {
    try {
      await this.client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  }
}

/**
 * 410: the connection is closed. Checked by name and status too, because an
 * error deserialized by another copy of the SDK is not an instance of this
 * module's class.
 */
function isGone(error: unknown): boolean {
  if (error instanceof GoneException) return true;
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'GoneException' || status === 410;
}
