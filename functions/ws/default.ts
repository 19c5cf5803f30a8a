import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { lambdaObservability, logger } from '../../shared/observability';
import { clientMessageOf } from '../../shared/realtime/client-messages';
import { realtimeDeps } from '../../shared/realtime-wiring';

/**
 * WebSocket $default: every message a client sends. `{"action":"ping"}`
 * answers `{"event":"pong","data":{"at":<iso>}}` (a client's liveness check,
 * and traffic that keeps the 10-minute idle timeout away); anything else,
 * unparseable text included, answers `{"event":"error","data":{"code":"unknown_action"}}`.
 */
export async function main(
  event: APIGatewayProxyWebsocketEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const { connectionId } = event.requestContext;
  const deps = realtimeDeps();
  const reply =
    clientMessageOf(event.body)?.action === 'ping'
      ? { event: 'pong', data: { at: deps.clock.now().toISOString() } }
      : { event: 'error', data: { code: 'unknown_action' } };
  const outcome = await deps.poster.post(connectionId, reply);
  // gone: the client left while we answered; its $disconnect removes it
  if (outcome === 'gone') logger.info('websocket reply not delivered: connection gone', { connectionId });
  return { statusCode: 200 };
}

export const handler = middy(main).use(lambdaObservability());
