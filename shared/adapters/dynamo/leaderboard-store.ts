import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reachSlotOf, slotKeyRange, standingFromLevels } from '../../domain/leaderboards/ranking';
import type {
  BoardRef,
  Contender,
  LeaderboardStore,
  MyStanding,
  RankedEntry,
  TopChange,
  Unranked,
} from '../../ports/leaderboards';
import {
  bucketRangeOfGroup,
  countsPk,
  dayRangeOfScore,
  groupOf,
  groupPrefix,
  indexPartitions,
  justAbove,
  parseCountSk,
  scoreItemKey,
  scoreRangeOfBucket,
  slotRangeOfDay,
} from './leaderboard-keys';
import { projectContenders } from './leaderboard-projection';
import { getItem, queryPage } from './plain-commands';
import { entryOf, isRanked, parseScoreItem, rankKeyOf, type ScoreItem } from './score-item';
import { leaderboardIndex } from './table-definition';

/** The highest possible rank key: every key is below it (they start with digits). */
const TOP_KEY = '~';

/**
 * Boards in DynamoDB. Reads are scatter-gathers over the index's
 * SHARDS partitions, sent in parallel: the top N is one Query per shard,
 * merged; a user's standing is one GetItem (their score item), then in
 * parallel the siblings of their node at each counter level (group, bucket,
 * exact score, day and ten-minute slot it was reached) and per shard a COUNT
 * of the users of their slot above them (plus the neighbours): 2 round trips
 * whatever the number of users. Writes: leaderboard-projection.ts.
 */
export class DynamoLeaderboardStore implements LeaderboardStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(opts: { client: DynamoDBClient; tableName: string }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async top(board: BoardRef, period: string, limit: number): Promise<RankedEntry[]> {
    const items = await this.scatter(board, period, { below: TOP_KEY, limit });
    return items.map((item, i) => entryOf(item, i + 1));
  }

  async standing(
    board: BoardRef,
    period: string,
    userId: string,
    around: number,
  ): Promise<MyStanding | Unranked> {
    const Item = await getItem(this.client, {
      TableName: this.tableName,
      Key: scoreItemKey(userId, board.id, period),
    });
    const mine = Item ? parseScoreItem(Item) : null;
    if (!mine || !isRanked(mine)) {
      return {
        unranked: mine && !mine.visible && mine.score > 0 ? 'hidden' : 'no_score',
        score: mine?.score ?? 0,
      };
    }
    const bucket = mine.bucket ?? 0;
    const group = groupOf(bucket);
    const key = rankKeyOf(mine);
    const reach = reachSlotOf(mine.reached_at);
    const [groups, buckets, scores, days, slots, aboveInSlot, above, below] = await Promise.all([
      this.readCounts(board, period, { from: groupPrefix, to: `${groupPrefix}~` }),
      this.readCounts(board, period, bucketRangeOfGroup(board.id, period, group)),
      this.readCounts(board, period, scoreRangeOfBucket(board.id, period, bucket, board.bucketWidth)),
      this.readCounts(board, period, dayRangeOfScore(mine.score)),
      this.readCounts(board, period, slotRangeOfDay(mine.score, reach.day)),
      this.countBetween(board, period, justAbove(key), slotKeyRange(mine.score, mine.reached_at).to),
      around > 0 ? this.scatter(board, period, { above: key, limit: around }) : [],
      around > 0 ? this.scatter(board, period, { below: key, limit: around }) : [],
    ]);
    const standing = standingFromLevels(
      [
        { counts: groups, mine: group },
        { counts: buckets, mine: bucket },
        { counts: scores, mine: mine.score },
        { counts: days, mine: reach.day },
        { counts: slots, mine: reach.slot },
      ],
      aboveInSlot,
    );
    return {
      ...standing,
      score: mine.score,
      displayName: mine.display_name ?? null,
      level: mine.level,
      reachedAt: mine.reached_at,
      above: above.reverse().map((item, i, all) => entryOf(item, standing.rank - (all.length - i))),
      below: below.map((item, i) => entryOf(item, standing.rank + i + 1)),
    };
  }

  project(boards: readonly BoardRef[], contenders: readonly Contender[]): Promise<TopChange[]> {
    return projectContenders(
      { client: this.client, tableName: this.tableName, store: this },
      boards,
      contenders,
    );
  }

  /**
   * Ranked items in rank order, from every shard: `below` a key (from the
   * top down) or `above` one (nearest first, so the caller reverses).
   */
  async scatter(
    board: BoardRef,
    period: string,
    range: { below: string; limit: number } | { above: string; limit: number },
  ): Promise<ScoreItem[]> {
    const downward = 'below' in range;
    const pages = await Promise.all(
      indexPartitions(board.id, period).map((partition) =>
        queryPage(this.client, {
          TableName: this.tableName,
          IndexName: leaderboardIndex.name,
          KeyConditionExpression: downward ? '#pk = :pk AND #sk < :key' : '#pk = :pk AND #sk > :key',
          ExpressionAttributeNames: {
            '#pk': leaderboardIndex.partitionKey,
            '#sk': leaderboardIndex.sortKey,
          },
          ExpressionAttributeValues: { ':pk': partition, ':key': downward ? range.below : range.above },
          ScanIndexForward: !downward,
          Limit: range.limit,
        }),
      ),
    );
    const items = pages.flatMap((page) => page.Items.map(parseScoreItem));
    const order = (a: ScoreItem, b: ScoreItem) => (rankKeyOf(a) < rankKeyOf(b) ? 1 : -1);
    items.sort(downward ? order : (a, b) => order(b, a));
    return items.slice(0, range.limit);
  }

  /** Counters of one board and period whose sort keys are in [from, to]: number -> users. */
  private async readCounts(
    board: BoardRef,
    period: string,
    range: { from: string; to: string },
  ): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await queryPage(this.client, {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': countsPk(board.id, period),
          ':from': range.from,
          ':to': range.to,
        },
        ExclusiveStartKey: start,
      });
      for (const item of page.Items) {
        const parsed = parseCountSk(String(item.sk));
        if (parsed && typeof item.users === 'number' && item.users > 0) counts.set(parsed.n, item.users);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return counts;
  }

  /** Ranked users with rank keys in [from, to], over every shard (index COUNT queries). */
  async countBetween(board: BoardRef, period: string, from: string, to: string): Promise<number> {
    if (from > to) return 0;
    const counts = await Promise.all(
      indexPartitions(board.id, period).map(async (partition) => {
        let total = 0;
        let start: Record<string, unknown> | undefined;
        do {
          const page = await queryPage(this.client, {
            TableName: this.tableName,
            IndexName: leaderboardIndex.name,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
            ExpressionAttributeNames: {
              '#pk': leaderboardIndex.partitionKey,
              '#sk': leaderboardIndex.sortKey,
            },
            ExpressionAttributeValues: { ':pk': partition, ':from': from, ':to': to },
            Select: 'COUNT',
            ExclusiveStartKey: start,
          });
          total += page.Count ?? 0;
          start = page.LastEvaluatedKey;
        } while (start);
        return total;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }
}
