import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { EVENT_SOURCE, envelopeSchema } from '../../events/envelope';
import {
  detailType as MILESTONE_REACHED,
  schema as milestoneSchema,
} from '../../events/milestone-reached.v1';
import { lambdaObservability, logger } from '../../shared/observability';
import { sceneRequests } from '../../shared/scenes/scene-request-wiring';

const milestoneEnvelope = envelopeSchema(milestoneSchema);

/**
 * `milestone.reached` from the bus -> the scene of the level just reached.
 * The event's id names the job, so a redelivery (EventBridge and Lambda
 * both retry) starts nothing twice. An event that is not a milestone
 * envelope (or names two users) is logged and dropped: retrying it cannot make it one. A failure
 * to start throws, so Lambda retries it, then the route's dead-letter queue
 * keeps it.
 */
export async function main(event: EventBridgeEvent<string, unknown>): Promise<{ jobId: string } | null> {
  const parsed = milestoneEnvelope.safeParse(event.detail);
  if (
    event.source !== EVENT_SOURCE ||
    event['detail-type'] !== MILESTONE_REACHED ||
    !parsed.success ||
    parsed.data.data.user_id !== parsed.data.metadata.user_id
  ) {
    logger.error('the milestone scene trigger ignored an event that is not milestone.reached', {
      source: event.source,
      detailType: event['detail-type'],
      issues: parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.')),
    });
    return null;
  }
  const { metadata, data } = parsed.data;
  const job = await sceneRequests().triggers.onMilestone({
    userId: metadata.user_id,
    sceneLevel: data.scene_level,
    eventId: metadata.id,
  });
  logger.info('milestone scene started', {
    jobId: job.jobId,
    sceneLevel: job.sceneLevel,
    status: job.status,
  });
  return { jobId: job.jobId };
}

export const handler = middy(main).use(lambdaObservability());
