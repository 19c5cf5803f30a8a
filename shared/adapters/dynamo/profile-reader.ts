import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Profile } from '../../domain/types';
import type { ProfileReader } from '../../ports/shop';
import { profileFromItem } from './items';
import { profileKey } from './keys';

/** One consistent GetItem of a profile: for functions that read it and write nothing of the ledger's. */
export class DynamoProfileReader implements ProfileReader {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(opts: { doc: DynamoDBDocumentClient; tableName: string }) {
    this.doc = opts.doc;
    this.tableName = opts.tableName;
  }

  async getProfile(userId: string): Promise<Profile | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: profileKey(userId), ConsistentRead: true }),
    );
    return Item ? profileFromItem(Item) : null;
  }
}
