import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import type { SegmentProgress } from '../../shared/app/backfill-segment';
import { lambdaObservability, logger } from '../../shared/observability';
import { backfillSegmentUseCase } from '../../shared/wiring';

/** What the rules backfill state machine hands each iteration (lib/constructs/rules-backfill.ts). */
const segmentWorkSchema = z.object({
  segment: z.number().int().min(0),
  totalSegments: z.number().int().min(1).max(1000),
  startKey: z.string().min(2).optional(),
});

/**
 * The rules backfill job's one task: grants the users of a Scan segment what
 * the rules of this deployment give for their past, until the segment is
 * done or this invocation's time runs short (then the state machine calls
 * again from `startKey`).
 */
export async function main(event: unknown, context: Context): Promise<SegmentProgress> {
  const work = segmentWorkSchema.parse(event);
  const progress = await backfillSegmentUseCase()(work, () => context.getRemainingTimeInMillis());
  logger.info('backfilled a segment', { ...progress, startKey: undefined });
  return progress;
}

export const handler = middy(main).use(lambdaObservability());
