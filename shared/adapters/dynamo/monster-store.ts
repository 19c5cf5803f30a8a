import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import type { Monster } from '../../domain/monster/monster';
import { StaleProfileError } from '../../ports/game';
import type { MonsterStore } from '../../ports/shop';
import { isAtVersion } from './conditions';
import { parseItem } from './items';
import { monsterKey } from './keys';
import { getItem, putItem } from './plain-commands';
import { isConditionFailure } from './transaction-errors';

const codes = z.array(z.string().min(1));

const monsterItemSchema = z.object({
  pk: z.string(),
  sk: z.literal('MONSTER'),
  name: z.string().min(1),
  base_color: z.string().min(1),
  accessories: codes,
  clothing: codes,
  features: codes,
  patterns: codes,
  version: z.number().int().min(1),
  updated_at: z.string().min(1),
});

/** MONSTER: the user's avatar, one item in their partition, every write guarded by its version. */
export class DynamoMonsterStore implements MonsterStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(opts: { client: DynamoDBClient; tableName: string }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async getMonster(userId: string): Promise<Monster | null> {
    const item = await getItem(this.client, {
      TableName: this.tableName,
      Key: monsterKey(userId),
      ConsistentRead: true,
    });
    if (!item) return null;
    const m = parseItem(monsterItemSchema, item);
    return {
      name: m.name,
      baseColor: m.base_color,
      accessories: m.accessories,
      clothing: m.clothing,
      features: m.features,
      patterns: m.patterns,
      version: m.version,
      updatedAt: m.updated_at,
    };
  }

  async saveMonster(userId: string, monster: Monster): Promise<Monster> {
    const stored: Monster = {
      ...monster,
      version: monster.version + 1,
      updatedAt: monster.updatedAt ?? new Date().toISOString(),
    };
    try {
      await putItem(this.client, {
        TableName: this.tableName,
        Item: {
          ...monsterKey(userId),
          name: stored.name,
          base_color: stored.baseColor,
          accessories: stored.accessories,
          clothing: stored.clothing,
          features: stored.features,
          patterns: stored.patterns,
          version: stored.version,
          updated_at: stored.updatedAt,
        },
        ...isAtVersion(monster.version),
      });
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new StaleProfileError('the monster changed since it was read', { cause: error });
      }
      throw error;
    }
    return stored;
  }
}
