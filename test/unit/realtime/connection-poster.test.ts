import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiGatewayConnectionPoster } from '../../../shared/adapters/apigw/connection-poster';

const apiGateway = mockClient(ApiGatewayManagementApiClient);
const poster = () =>
  new ApiGatewayConnectionPoster({
    client: new ApiGatewayManagementApiClient({
      region: 'us-east-1',
      endpoint: 'https://ws.example.com/live',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    }),
  });

beforeEach(() => apiGateway.reset());

describe('ApiGatewayConnectionPoster.close', () => {
  it('deletes the connection through the management API', async () => {
    apiGateway.on(DeleteConnectionCommand).resolves({});
    await poster().close('abc=');
    expect(apiGateway.commandCalls(DeleteConnectionCommand).map((c) => c.args[0].input)).toEqual([
      { ConnectionId: 'abc=' },
    ]);
  });

  it('takes a connection already gone (410) as closed, and throws on anything else', async () => {
    apiGateway
      .on(DeleteConnectionCommand, { ConnectionId: 'gone' })
      .rejects(new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } }));
    apiGateway.on(DeleteConnectionCommand, { ConnectionId: 'denied' }).rejects(new Error('AccessDenied'));
    await expect(poster().close('gone')).resolves.toBeUndefined();
    await expect(poster().close('denied')).rejects.toThrow('AccessDenied');
  });
});
