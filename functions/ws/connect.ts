import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { userIdSchema } from '../../events/activity-completed.v1';
import { lambdaObservability, logger } from '../../shared/observability';
import { closeBeyondCap } from '../../shared/realtime/limits';
import { realtimeDeps } from '../../shared/realtime-wiring';

/**
 * WebSocket $connect, once the authorizer (authorize.ts) verified `?token=`:
 * stores the connection under the authorizer's user, the only user it will
 * ever receive pushes of. Anything but 200 makes API Gateway refuse it.
 */
export async function main(
  event: APIGatewayProxyWebsocketEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const { connectionId } = event.requestContext;
  const deps = realtimeDeps();
  const { authorizer, connectedAt } = event.requestContext as {
    authorizer?: { userId?: unknown };
    connectedAt?: unknown;
  };
  const user = userIdSchema.safeParse(authorizer?.userId);
  if (!user.success) {
    // Only a $connect deployed without its authorizer gets here: refuse, never guess a user.
    logger.error('websocket refused: no user from the authorizer', { connectionId });
    return { statusCode: 401 };
  }
  const userId = user.data;
  // API Gateway's own connect time starts its 2 h limit; the local runtime may leave it out
  const at =
    typeof connectedAt === 'number' && Number.isFinite(connectedAt)
      ? new Date(connectedAt)
      : deps.clock.now();
  await deps.connections.save({ connectionId, userId, connectedAt: at });
  const closed = await closeBeyondCap(deps, userId, connectionId);
  logger.info('websocket connected', { connectionId, userId, ...(closed > 0 && { closedOldest: closed }) });
  return { statusCode: 200 };
}

export const handler = middy(main).use(lambdaObservability());
