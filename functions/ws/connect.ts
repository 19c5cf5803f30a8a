import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { UnauthorizedError } from '../../shared/domain/errors';
import { lambdaObservability, logger } from '../../shared/observability';
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
  logger.info('websocket connected', { connectionId, userId });
  return { statusCode: 200 };
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
