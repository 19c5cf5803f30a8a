import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { Profile } from '../../domain/types';
import type { ProfileReader } from '../../ports/shop';
import { profileFromItem } from './items';
import { profileKey } from './keys';
import { fromWire, toWire } from './wire';

/** One consistent GetItem of a profile: for functions that read it and write nothing of the ledger's. */
export class DynamoProfileReader implements ProfileReader {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(opts: { client: DynamoDBClient; tableName: string }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async getProfile(userId: string): Promise<Profile | null> {
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: toWire(profileKey(userId)),
        ConsistentRead: true,
      }),
    );
    return Item ? profileFromItem(fromWire(Item)) : null;
  }
}
