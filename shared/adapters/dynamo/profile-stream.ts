import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Profile } from '../../domain/types';
import { profileFromItem } from './items';
import { isProfileSk } from './keys';

/**
 * The profiles a batch of stream records left behind: the new image of every
 * INSERT or MODIFY of a profile item, parsed like any read of the item (a
 * corrupt one throws, so the batch is retried and then reported, never
 * silently skipped).
 */
export function profilesOf(records: readonly DynamoDBRecord[]): Profile[] {
  return records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    const isProfile = isProfileSk(record.dynamodb?.Keys?.sk?.S);
    if (!isProfile || !image || record.eventName === 'REMOVE') return [];
    return [profileFromItem(unmarshall(image as Record<string, AttributeValue>))];
  });
}
