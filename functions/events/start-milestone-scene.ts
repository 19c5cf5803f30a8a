import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { envelopeSchema } from '../../events/envelope';
import {
  detailType as MILESTONE_REACHED,
  schema as milestoneSchema,
} from '../../events/milestone-reached.v1';
import { questlineEnvelopeOf } from '../../shared/bus/questline-event';
import { lambdaObservability, logger } from '../../shared/observability';
import { sceneRequests } from '../../shared/scenes/scene-request-wiring';

const milestoneEnvelope = envelopeSchema(milestoneSchema);

/**
 * `milestone.reached` from the bus -> the scene of the level just reached.
 * The event's id names the job, so a redelivery (EventBridge and Lambda
 * both retry) starts nothing twice. An event that is not a milestone
 * envelope (or names two users) is logged and dropped: retrying it cannot
 * make it one. A failure to start throws, so Lambda retries it, then the
 * route's dead-letter queue keeps it.
 */
export async function main(event: EventBridgeEvent<string, unknown>): Promise<{ jobId: string } | null> {
  const checked = questlineEnvelopeOf(event, milestoneEnvelope, MILESTONE_REACHED);
  if ('notOne' in checked) {
    logger.error('the milestone trigger ignored an event that is not milestone.reached', checked.notOne);
    return null;
  }
  const { metadata, data } = checked.envelope;
  const milestone = { userId: metadata.user_id, sceneLevel: data.scene_level, eventId: metadata.id };
  const { jobId, sceneLevel, status } = await sceneRequests().triggers.onMilestone(milestone);
  logger.info('milestone scene started', { jobId, sceneLevel, status });
  return { jobId };
}

export const handler = middy(main).use(lambdaObservability());
