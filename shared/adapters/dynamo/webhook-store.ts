import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { WebhookEndpoint } from '../../domain/webhooks/endpoint';
import type { DeliveryRecord, WebhookStore } from '../../ports/webhooks';
import { isNew } from './conditions';
import { deleteItem, getItem, putItem, queryPage, updateItem } from './plain-commands';
import { isConditionFailure } from './transaction-errors';
import { deliveryItem, deliveryOf, endpointItem, endpointOf } from './webhook-items';
import {
  WEBHOOKS_PK,
  webhookDeliveryKey,
  webhookDeliveryPk,
  webhookDeliveryPrefix,
  webhookEndpointKey,
  webhookEndpointPrefix,
} from './webhook-keys';

/** Endpoints (WEBHOOKS / ENDPOINT#id) and their delivery logs (WEBHOOK#id / DELIVERY#...). */
export class DynamoWebhookStore implements WebhookStore {
  constructor(private readonly deps: { client: DynamoDBClient; tableName: string }) {}

  async createEndpoint(endpoint: WebhookEndpoint): Promise<boolean> {
    return this.putIfNew({ ...webhookEndpointKey(endpoint.id), ...endpointItem(endpoint) });
  }

  async listEndpoints(): Promise<WebhookEndpoint[]> {
    const { Items } = await queryPage(this.deps.client, {
      TableName: this.deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :endpoint)',
      ExpressionAttributeValues: { ':pk': WEBHOOKS_PK, ':endpoint': webhookEndpointPrefix },
      ConsistentRead: true,
    });
    return Items.map(endpointOf);
  }

  async getEndpoint(id: string): Promise<WebhookEndpoint | null> {
    const item = await getItem(this.deps.client, {
      TableName: this.deps.tableName,
      Key: webhookEndpointKey(id),
      ConsistentRead: true,
    });
    return item ? endpointOf(item) : null;
  }

  async deleteEndpoint(id: string): Promise<boolean> {
    const old = await deleteItem(this.deps.client, {
      TableName: this.deps.tableName,
      Key: webhookEndpointKey(id),
      ReturnValues: 'ALL_OLD',
    });
    return old !== undefined;
  }

  async saveSecrets(id: string, secrets: WebhookEndpoint['secrets']): Promise<boolean> {
    return this.updateIfExists(id, {
      update: 'SET secrets = :secrets',
      values: { ':secrets': JSON.stringify(secrets) },
    });
  }

  async markFailing(id: string, now: Date): Promise<WebhookEndpoint | null> {
    try {
      const updated = await updateItem(this.deps.client, {
        TableName: this.deps.tableName,
        Key: webhookEndpointKey(id),
        UpdateExpression: 'SET failing_since = if_not_exists(failing_since, :now)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
        ReturnValues: 'ALL_NEW',
      });
      return updated ? endpointOf(updated) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  async markSucceeded(id: string): Promise<void> {
    await this.updateIfExists(id, {
      update: 'REMOVE failing_since',
      also: 'attribute_exists(failing_since)',
    });
  }

  async disable(id: string, failingSince: string): Promise<boolean> {
    return this.updateIfExists(id, {
      update: 'SET #status = :disabled',
      values: { ':disabled': 'disabled', ':since': failingSince },
      names: { '#status': 'status' },
      also: 'failing_since = :since AND #status <> :disabled',
    });
  }

  async enable(id: string): Promise<boolean> {
    return this.updateIfExists(id, {
      update: 'SET #status = :active REMOVE failing_since',
      values: { ':active': 'active' },
      names: { '#status': 'status' },
    });
  }

  async createDelivery(delivery: DeliveryRecord): Promise<boolean> {
    return this.putIfNew(deliveryItem(delivery));
  }

  async saveDelivery(delivery: DeliveryRecord): Promise<void> {
    await putItem(this.deps.client, { TableName: this.deps.tableName, Item: deliveryItem(delivery) });
  }

  async getDelivery(endpointId: string, deliveryId: string): Promise<DeliveryRecord | null> {
    const item = await getItem(this.deps.client, {
      TableName: this.deps.tableName,
      Key: webhookDeliveryKey(endpointId, deliveryId),
      ConsistentRead: true,
    });
    return item ? deliveryOf(item) : null;
  }

  async listDeliveries(endpointId: string, limit: number): Promise<DeliveryRecord[]> {
    const { Items } = await queryPage(this.deps.client, {
      TableName: this.deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :delivery)',
      ExpressionAttributeValues: { ':pk': webhookDeliveryPk(endpointId), ':delivery': webhookDeliveryPrefix },
      ScanIndexForward: false,
      Limit: limit,
    });
    return Items.map(deliveryOf);
  }

  private async putIfNew(item: Record<string, unknown>): Promise<boolean> {
    try {
      await putItem(this.deps.client, { TableName: this.deps.tableName, Item: item, ...isNew() });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** An update of an endpoint that exists (and meets `also`); false when it does not. */
  private async updateIfExists(
    id: string,
    expression: {
      update: string;
      values?: Record<string, unknown>;
      names?: Record<string, string>;
      also?: string;
    },
  ): Promise<boolean> {
    const { update, values, names, also } = expression;
    try {
      await updateItem(this.deps.client, {
        TableName: this.deps.tableName,
        Key: webhookEndpointKey(id),
        UpdateExpression: update,
        ConditionExpression: also ? `attribute_exists(pk) AND ${also}` : 'attribute_exists(pk)',
        ...(values && { ExpressionAttributeValues: values }),
        ...(names && { ExpressionAttributeNames: names }),
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
