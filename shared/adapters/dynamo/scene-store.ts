import type { CancellationReason, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SceneJob, StoredScene } from '../../domain/scenes/scene-job';
import type { DomainEvent } from '../../domain/types';
import { SceneJobFinishedError, type SceneStore } from '../../ports/scenes';
import { isNew } from './conditions';
import { parseItem } from './items';
import { sceneJobKey, sceneKey, scenePrefix, userPk } from './keys';
import { outboxRecordItem } from './outbox-record';
import { getItem, putItem, queryPage, transactWrite, updateItem } from './plain-commands';
import { jobItem, jobOf, jobUpdate, sceneItemSchema, sceneOf, storedSceneAttribute } from './scene-items';
import { cancellationReasons, isConditionFailure } from './transaction-errors';

/**
 * Scene jobs (SCENEJOB#<id>) and the scenes they record (SCENE#<level>) in
 * the user's partition; a finished job's events go out through an OUTBOX#
 * item written in the same transaction, like every other outcome's.
 */
export class DynamoSceneStore implements SceneStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(opts: { client: DynamoDBClient; tableName: string }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async createJob(job: SceneJob): Promise<SceneJob> {
    try {
      await putItem(this.client, { TableName: this.tableName, Item: jobItem(job), ...isNew() });
      return job;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return this.requireJob(job.userId, job.jobId);
    }
  }

  async getJob(userId: string, jobId: string): Promise<SceneJob | null> {
    const item = await getItem(this.client, {
      TableName: this.tableName,
      Key: sceneJobKey(userId, jobId),
      ConsistentRead: true,
    });
    return item ? jobOf(item) : null;
  }

  async startJob(userId: string, jobId: string, now: Date): Promise<SceneJob> {
    const fields = { status: 'processing', progress: 10, updated_at: now.toISOString() };
    const updated = await this.whileOpen(jobId, () =>
      updateItem(this.client, {
        ...jobUpdate(this.tableName, { userId, jobId }, fields, ['queued', 'processing']),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return jobOf(updated ?? {});
  }

  async setProgress(userId: string, jobId: string, progress: number, now: Date): Promise<void> {
    const fields = { progress, updated_at: now.toISOString() };
    await this.whileOpen(jobId, () =>
      updateItem(this.client, jobUpdate(this.tableName, { userId, jobId }, fields, ['processing'])),
    );
  }

  async completeJob(job: SceneJob, scene: StoredScene, event: DomainEvent, now: Date): Promise<SceneJob> {
    const completed: SceneJob = {
      ...job,
      status: 'completed',
      progress: 100,
      updatedAt: now.toISOString(),
      scene,
    };
    const finish = {
      Update: jobUpdate(
        this.tableName,
        job,
        {
          status: 'completed',
          progress: 100,
          updated_at: completed.updatedAt,
          scene: storedSceneAttribute(scene),
        },
        ['processing'],
      ),
    };
    const outbox = { Put: { TableName: this.tableName, Item: this.outboxOf(job, event, now), ...isNew() } };
    // A late job never replaces a newer scene of the same level.
    const level = {
      Put: {
        TableName: this.tableName,
        Item: { ...sceneKey(job.userId, scene.sceneLevel), ...storedSceneAttribute(scene) },
        ConditionExpression: 'attribute_not_exists(pk) OR generated_at <= :at',
        ExpressionAttributeValues: { ':at': scene.generatedAt },
      },
    };
    try {
      await transactWrite(this.client, [finish, outbox, level]);
      return completed;
    } catch (error) {
      const failed = conditionFailures(cancellationReasons(error));
      if (!failed) throw error;
      if (failed.includes(0)) return this.alreadyFinished(job, 'completed', scene.cacheKey, error);
      if (failed.length === 1 && failed[0] === 2) {
        await transactWrite(this.client, [finish, outbox]);
        return completed;
      }
      throw error;
    }
  }

  async failJob(job: SceneJob, errorCode: string, event: DomainEvent, now: Date): Promise<SceneJob> {
    const failedJob: SceneJob = { ...job, status: 'failed', updatedAt: now.toISOString(), errorCode };
    const fields = { status: 'failed', updated_at: failedJob.updatedAt, error_code: errorCode };
    try {
      await transactWrite(this.client, [
        { Update: jobUpdate(this.tableName, job, fields, ['queued', 'processing']) },
        { Put: { TableName: this.tableName, Item: this.outboxOf(job, event, now), ...isNew() } },
      ]);
      return failedJob;
    } catch (error) {
      if (!conditionFailures(cancellationReasons(error))?.includes(0)) throw error;
      return this.alreadyFinished(job, 'failed', errorCode, error);
    }
  }

  async getScene(userId: string, sceneLevel: number): Promise<StoredScene | null> {
    const item = await getItem(this.client, {
      TableName: this.tableName,
      Key: sceneKey(userId, sceneLevel),
      ConsistentRead: true,
    });
    return item ? sceneOf(parseItem(sceneItemSchema, item)) : null;
  }

  async listScenes(userId: string): Promise<StoredScene[]> {
    const { Items } = await queryPage(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': userPk(userId), ':prefix': scenePrefix },
      ConsistentRead: true,
    });
    return Items.map((item) => sceneOf(parseItem(sceneItemSchema, item))).sort(
      (a, b) => a.sceneLevel - b.sceneLevel,
    );
  }

  private outboxOf(job: SceneJob, event: DomainEvent, now: Date) {
    return outboxRecordItem({
      userId: job.userId,
      eventId: job.jobId,
      recordedAt: now.toISOString(),
      events: [event],
    });
  }

  /** A single job write whose status condition failed: the job is finished (or unknown). */
  private async whileOpen<T>(jobId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw new SceneJobFinishedError(`scene job ${jobId} is finished or unknown`, { cause: error });
    }
  }

  private async requireJob(userId: string, jobId: string): Promise<SceneJob> {
    const stored = await this.getJob(userId, jobId);
    if (!stored) throw new Error(`scene job ${jobId} vanished while being created`);
    return stored;
  }

  /**
   * The job's condition failed: it is no longer processing. The same
   * completion (or failure) retried answers the stored job; anything else is
   * a finished job asked to change.
   */
  private async alreadyFinished(
    job: SceneJob,
    status: 'completed' | 'failed',
    sameAs: string,
    cause: unknown,
  ): Promise<SceneJob> {
    const stored = await this.getJob(job.userId, job.jobId);
    const same = status === 'completed' ? stored?.scene?.cacheKey === sameAs : stored?.errorCode === sameAs;
    if (stored?.status === status && same) return stored;
    throw new SceneJobFinishedError(`scene job ${job.jobId} is ${stored?.status ?? 'unknown'}`, { cause });
  }
}

/** The indexes of a cancelled transaction's items whose condition failed, or null when none did. */
function conditionFailures(reasons: CancellationReason[] | null): number[] | null {
  const failed = (reasons ?? []).flatMap((reason, i) =>
    reason.Code === 'ConditionalCheckFailed' ? [i] : [],
  );
  return failed.length > 0 ? failed : null;
}
