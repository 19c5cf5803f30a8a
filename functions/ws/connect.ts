import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { UnauthorizedError } from '../../shared/domain/errors';
import { lambdaObservability, logger } from '../../shared/observability';
import { MAX_CONNECTIONS_PER_USER } from '../../shared/realtime/limits';
import { realtimeDeps } from '../../shared/realtime/wiring';

/**
 * WebSocket $connect with `?token=<JWT>`: browsers cannot set headers on a
 * WebSocket, so the end-user token comes in the query string. Anything but
 * 200 makes API Gateway refuse the connection; a valid token stores the
 * connection under the token's user, the only user it will ever receive pushes of.
 */
export async function main(
  event: APIGatewayProxyWebsocketEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const { connectionId } = event.requestContext;
  const token = event.queryStringParameters?.token;
  const deps = realtimeDeps();
  if (!token) {
    logger.info('websocket refused: no token', { connectionId });
    return { statusCode: 401 };
  }
  let userId: string;
  try {
    userId = await deps.tokens.verify(token);
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    // The reason, never the token: a token in a log is a credential in a log.
    logger.info('websocket refused: invalid token', { connectionId, reason: reasonOf(error) });
    return { statusCode: 401 };
  }
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

function reasonOf(error: UnauthorizedError): string {
  return error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : error.message;
}

export const handler = middy(main).use(lambdaObservability());
