import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { userIdSchema } from '../../shared/http/auth';
import { lambdaObservability, logger } from '../../shared/observability';
import { MAX_CONNECTIONS_PER_USER } from '../../shared/realtime/limits';
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
  const user = userIdSchema.safeParse(authorizerUserOf(event));
  if (!user.success) {
    // Only a $connect deployed without its authorizer gets here: refuse, never guess a user.
    logger.error('websocket refused: no user from the authorizer', { connectionId });
    return { statusCode: 401 };
  }
  const userId = user.data;
  await deps.connections.save({ connectionId, userId, connectedAt: connectedAtOf(event, deps.clock.now()) });
  const closed = await closeBeyondCap(userId, connectionId);
  logger.info('websocket connected', { connectionId, userId, ...(closed > 0 && { closedOldest: closed }) });
  return { statusCode: 200 };
}

/**
 * A user keeps at most MAX_CONNECTIONS_PER_USER open connections (tabs and
 * devices): beyond that, the oldest are closed, never the new one. Each push
 * costs a post per connection, so an unbounded number would let one client
 * slow every notification of its user and cost without limit.
 */
async function closeBeyondCap(userId: string, newest: string): Promise<number> {
  const deps = realtimeDeps();
  const open = (await deps.connections.listForUser(userId)).filter((id) => id !== newest);
  const excess = open.slice(0, Math.max(0, open.length + 1 - MAX_CONNECTIONS_PER_USER));
  await Promise.all(
    excess.map(async (connectionId) => {
      await deps.poster.close(connectionId);
      await deps.connections.remove(connectionId);
    }),
  );
  return excess.length;
}

/** API Gateway's own connect time starts its 2 h limit; the local runtime may leave it out. */
function connectedAtOf(event: APIGatewayProxyWebsocketEventV2, now: Date): Date {
  const connectedAt = (event.requestContext as { connectedAt?: unknown }).connectedAt;
  return typeof connectedAt === 'number' && Number.isFinite(connectedAt) ? new Date(connectedAt) : now;
}

/** The user the authorizer put in the request context (`context.userId`). */
function authorizerUserOf(event: APIGatewayProxyWebsocketEventV2): unknown {
  return (event.requestContext as { authorizer?: { userId?: unknown } }).authorizer?.userId;
}

export const handler = middy(main).use(lambdaObservability());
