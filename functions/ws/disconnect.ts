import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { lambdaObservability, logger } from '../../shared/observability';
import { realtimeDeps } from '../../shared/realtime-wiring';

/**
 * WebSocket $disconnect: forgets the connection. API Gateway ignores the
 * answer and does not retry, so a failed delete is logged, not thrown: the
 * items expire by TTL, and a post to the closed connection ('gone') deletes
 * them earlier.
 */
export async function main(
  event: APIGatewayProxyWebsocketEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const { connectionId } = event.requestContext;
  try {
    await realtimeDeps().connections.remove(connectionId);
    logger.info('websocket disconnected', { connectionId });
  } catch (error) {
    logger.error('websocket connection not removed; it expires by TTL', { connectionId, error });
  }
  return { statusCode: 200 };
}

export const handler = middy(main).use(lambdaObservability());
