import middy from '@middy/core';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { UnauthorizedError } from '../../shared/domain/errors';
import { lambdaObservability, logger } from '../../shared/observability';
import { webSocketAuthorizer } from '../../shared/realtime/websocket-routes';
import { realtimeDeps } from '../../shared/realtime-wiring';

/**
 * The WebSocket API's $connect authorizer: the end-user token of `?token=`,
 * checked as the HTTP API's JWT authorizer checks its bearer tokens (issuer,
 * audiences, scopes). Valid: allow this $connect, with the user id as the
 * principal and in the context $connect reads. Invalid: "Unauthorized",
 * which API Gateway answers with 401. A token-less request never gets here.
 */
export async function main(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const token = event.queryStringParameters?.[webSocketAuthorizer.tokenQueryParameter];
  let userId: string;
  try {
    if (!token) throw new UnauthorizedError('no token');
    userId = await realtimeDeps().tokens.verify(token);
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    // The reason, never the token: a token in a log is a credential in a log.
    const { cause } = error;
    logger.info('websocket refused', {
      reason: cause instanceof Error ? `${cause.name}: ${cause.message}` : error.message,
    });
    throw new Error('Unauthorized');
  }
  return {
    principalId: userId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
    },
    context: { userId },
  };
}

export const handler = middy(main).use(lambdaObservability());
