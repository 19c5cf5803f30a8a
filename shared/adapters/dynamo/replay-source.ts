import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { UserHistory } from '../../domain/replay/history';
import type { ReplaySource, SegmentRef } from '../../ports/replay';
import { readHistoriesOf } from './history-reader';
import { streamSortKeys, USER_PK_PREFIX, userIdOf } from './keys';
import { scanPage } from './plain-commands';

/**
 * Users by their profile items, one page of one parallel Scan segment at a
 * time (the cursor is the page's LastEvaluatedKey as JSON, small enough for a
 * Step Functions state), and each user's history by Query.
 */
export class DynamoReplaySource implements ReplaySource {
  constructor(private readonly deps: { client: DynamoDBClient; tableName: string; pageSize?: number }) {}

  async userPage(segment: SegmentRef, startKey?: string) {
    const page = await scanPage(this.deps.client, {
      TableName: this.deps.tableName,
      Segment: segment.index,
      TotalSegments: segment.total,
      Limit: this.deps.pageSize ?? 500,
      FilterExpression: 'sk = :profile AND begins_with(pk, :user)',
      ExpressionAttributeValues: { ':profile': streamSortKeys.profile, ':user': USER_PK_PREFIX },
      ProjectionExpression: 'pk',
      ...(startKey && { ExclusiveStartKey: JSON.parse(startKey) as Record<string, unknown> }),
    });
    const userIds = page.Items.map((item) => userIdOf(String(item.pk)));
    return { userIds, ...(page.LastEvaluatedKey && { next: JSON.stringify(page.LastEvaluatedKey) }) };
  }

  async historyOf(userId: string): Promise<UserHistory | null> {
    const [history] = await readHistoriesOf(this.deps, [userId]);
    return history ?? null;
  }
}
