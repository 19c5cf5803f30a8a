import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { HttpVersion, PriceClass } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type LifecycleRule,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * A private bucket (no public access of any kind, encrypted, TLS only, kept
 * with a deleted stack) and the bucket its access logs go to, which also
 * takes the logs of the CloudFront distribution in front of it (kept 90
 * days). The shape of both buckets behind a CDN here: scenes and dashboard.
 */
export function loggedPrivateBucket(
  scope: Construct,
  opts: { what: string; lifecycleRules?: LifecycleRule[] },
): { bucket: Bucket; logs: Bucket } {
  const logs = new Bucket(scope, 'AccessLogs', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // CloudFront writes its standard logs with ACLs
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ expiration: Duration.days(90) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(logs).acknowledge({
    id: 'AwsSolutions-S1',
    reason: `This is the access-log bucket of the ${opts.what} bucket and distribution: logging it into itself would loop.`,
  });
  const bucket = new Bucket(scope, 'Bucket', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: 'bucket/',
    ...(opts.lifecycleRules && { lifecycleRules: opts.lifecycleRules }),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  return { bucket, logs };
}

/**
 * What every Questline distribution in front of such a bucket shares: HTTP/2
 * and 3, the cheapest price class (North America and Europe edges; the
 * others still serve, from further away), and access logs in the bucket's
 * log bucket under `cdn/`.
 */
export function distributionDefaults(logs: IBucket) {
  return {
    httpVersion: HttpVersion.HTTP2_AND_3,
    priceClass: PriceClass.PRICE_CLASS_100,
    enableLogging: true,
    logBucket: logs,
    logFilePrefix: 'cdn/',
  };
}
