import type { SQSRecord } from 'aws-lambda';

let messages = 0;

/** An SQS record carrying `body` as the EventBridge target delivers it, on its `receiveCount`th delivery. */
export function sqsRecord(body: string, receiveCount = 1): SQSRecord {
  messages += 1;
  return {
    messageId: `msg-${messages}`,
    receiptHandle: `receipt-${messages}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(Date.now()),
      SenderId: 'AIDEXAMPLE',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: 'md5',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:questline-inbound',
    awsRegion: 'us-east-1',
  };
}
