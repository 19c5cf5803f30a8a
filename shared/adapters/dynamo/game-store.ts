import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AppliedOutcome, Profile } from '../../domain/types';
import {
  type ActivityState,
  type GameStore,
  type LedgerPage,
  type ProfileChange,
  StaleProfileError,
  type SubjectKey,
} from '../../ports/game';
import { batchGetConsistent, itemKeyId } from './batch-get';
import { type Condition, isAtVersion, isNew } from './conditions';
import { eventRecordItem, outcomeFromEventRecord } from './event-record';
import { ledgerEntryFromItem, profileAttributes, profileFromItem } from './items';
import { eventKey, ledgerIndexKey, ledgerPrefix, onceMarkerKey, profileKey, userPk } from './keys';
import { decodeLedgerCursor, encodeLedgerCursor } from './ledger-cursor';
import { outboxRecordItem } from './outbox-record';
import { getItem, putItem, queryPage, transactWrite } from './plain-commands';
import { DynamoProfileReader } from './profile-reader';
import { purchaseWrites } from './purchase-writes';
import { ledgerIndex } from './table-definition';
import { decodeOutcomeCancellation, isVersionConflict, type TransactionRole } from './transaction-errors';
import type { PlainTransactItem as TransactItem } from './wire';

type Item = Record<string, unknown>;

/**
 * The GameStore port on the single DynamoDB table, on the low-level client
 * (client.ts says why): it holds the activity path.
 */
export class DynamoGameStore implements GameStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly profiles: DynamoProfileReader;

  constructor(opts: { client: DynamoDBClient; tableName: string }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
    this.profiles = new DynamoProfileReader(opts);
  }

  async loadActivityState(userId: string, subject?: SubjectKey): Promise<ActivityState> {
    if (!subject) return { profile: await this.getProfile(userId), subjectAlreadyDone: false };
    const profile = profileKey(userId);
    const marker = onceMarkerKey(userId, subject.activityType, subject.subjectId);
    const found = await batchGetConsistent(this.client, this.tableName, [profile, marker]);
    const profileItem = found.get(itemKeyId(profile));
    return {
      profile: profileItem ? profileFromItem(profileItem) : null,
      subjectAlreadyDone: found.has(itemKeyId(marker)),
    };
  }

  async findAppliedOutcome(userId: string, eventId: string): Promise<AppliedOutcome | null> {
    const item = await getItem(this.client, {
      TableName: this.tableName,
      Key: eventKey(userId, eventId),
      ConsistentRead: true,
    });
    return item ? outcomeFromEventRecord(item) : null;
  }

  async saveOutcome(outcome: AppliedOutcome): Promise<Profile> {
    const { userId, eventId, entry, profile } = outcome;
    const stored: Profile = { ...profile, version: profile.version + 1 };
    // Cancellation reasons come back by index: roles[i] names items[i].
    const roles: TransactionRole[] = ['event', 'profile'];
    const items: TransactItem[] = [
      // Only the event item's old image is read back (a replay's first outcome).
      this.put(eventRecordItem(outcome), isNew(), { returnOld: true }),
      this.put(
        { ...profileKey(userId), ...profileAttributes(profile, stored.version) },
        isAtVersion(profile.version),
      ),
    ];
    for (const marker of outcome.markers) {
      roles.push('marker');
      const key = onceMarkerKey(userId, marker.activityType, marker.subjectId);
      items.push(this.put({ ...key, event_id: eventId, created_at: entry.recordedAt }, isNew()));
    }
    const purchase = purchaseWrites(this.tableName, outcome);
    items.push(...purchase.items);
    roles.push(...purchase.roles);
    try {
      await transactWrite(this.client, items);
    } catch (error) {
      throw decodeOutcomeCancellation(error, roles);
    }
    return stored;
  }

  getProfile(userId: string): Promise<Profile | null> {
    return this.profiles.getProfile(userId);
  }

  async saveProfile(profile: Profile): Promise<Profile> {
    return this.writeProfile(profile, []);
  }

  async saveProfileChange({ profile, eventId, events }: ProfileChange): Promise<Profile> {
    const outbox = outboxRecordItem({
      userId: profile.userId,
      eventId,
      recordedAt: profile.updatedAt,
      events,
      // the explicit freeze is history a replay needs (outbox-record.ts)
      kept: true,
    });
    return this.writeProfile(profile, events.length > 0 ? [this.put(outbox, isNew())] : []);
  }

  /** The profile, guarded by its version, alone (a Put) or with `alongside` (one transaction). */
  private async writeProfile(profile: Profile, alongside: TransactItem[]): Promise<Profile> {
    const stored: Profile = { ...profile, version: profile.version + 1 };
    const item = { ...profileKey(profile.userId), ...profileAttributes(profile, stored.version) };
    const condition = isAtVersion(profile.version);
    try {
      if (alongside.length === 0)
        await putItem(this.client, { TableName: this.tableName, Item: item, ...condition });
      else await transactWrite(this.client, [this.put(item, condition), ...alongside]);
    } catch (error) {
      if (isVersionConflict(error)) {
        throw new StaleProfileError('profile changed since it was read', { cause: error });
      }
      throw error;
    }
    return stored;
  }

  async listLedger(userId: string, page: { limit: number; cursor?: string }): Promise<LedgerPage> {
    const start = page.cursor === undefined ? undefined : decodeLedgerCursor(userId, page.cursor);
    // One item more than asked tells whether an older page exists, so the last
    // page says so (nextCursor null) instead of leading to an empty one. A
    // local index may be read consistently: a page includes every committed entry.
    const { Items, LastEvaluatedKey } = await queryPage(this.client, {
      TableName: this.tableName,
      IndexName: ledgerIndex.name,
      KeyConditionExpression: 'pk = :pk AND begins_with(#position, :prefix)',
      ExpressionAttributeNames: { '#position': ledgerIndex.sortKey },
      ExpressionAttributeValues: { ':pk': userPk(userId), ':prefix': ledgerPrefix },
      Select: 'ALL_PROJECTED_ATTRIBUTES',
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: page.limit + 1,
      ExclusiveStartKey: start,
    });
    const entries = Items.slice(0, page.limit).map(ledgerEntryFromItem);
    const last = entries.at(-1);
    const more = Items.length > page.limit || LastEvaluatedKey !== undefined;
    return {
      entries,
      nextCursor:
        more && last ? encodeLedgerCursor(ledgerIndexKey(userId, last.recordedAt, last.eventId)) : null,
    };
  }

  private put(item: Item, condition: Condition, opts: { returnOld?: boolean } = {}): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: item,
        ...condition,
        ...(opts.returnOld ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
      },
    };
  }
}
