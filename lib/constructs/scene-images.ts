import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import { AllowedMethods, CachePolicy, Distribution, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { distributionDefaults, loggedPrivateBucket } from './logged-bucket';

/** Drawn images wait here between the workflow's steps; a day is far longer than any execution. */
export const PENDING_PREFIX = 'pending/';
export const SCENES_PREFIX = 'scenes/';

/**
 * Where scene images live and how users fetch them: a private, encrypted
 * bucket (TLS only, no public access of any kind) read by CloudFront through
 * Origin Access Control, HTTPS only, with access logs for both. Images are
 * content-addressed and immutable, so the CDN caches them as long as it likes.
 * Only `scenes/` is ever served: `pending/` (images not yet moderated) is not
 * reachable through the distribution, and expires after a day.
 */
export class SceneImages extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>: the base of every scene image URL */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const { bucket, logs } = loggedPrivateBucket(this, {
      what: 'scenes',
      lifecycleRules: [{ prefix: PENDING_PREFIX, expiration: Duration.days(1) }],
    });
    // Generated images cost money to make again: they stay with a deleted stack (as every bucket here).
    this.bucket = bucket;

    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Questline scene images',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: false,
      },
      ...distributionDefaults(logs),
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Scene images are for every user of the product, wherever they are: no country is restricted.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves immutable, content-addressed images of a private bucket (GET/HEAD only, no origin behind it that runs code): a WAF web ACL would add cost without protecting anything that can change. Operators who want one attach it to the distribution.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The distribution uses its default *.cloudfront.net certificate, whose security policy CloudFront fixes (TLSv1 minimum); viewers are HTTPS only. A custom domain with its own certificate and TLSv1.2_2021 is the operator's choice.",
      },
    );
    this.baseUrl = `https://${this.distribution.distributionDomainName}`;

    new CfnOutput(this, 'SceneImagesUrl', {
      key: 'SceneImagesUrl',
      value: this.baseUrl,
      description: 'Base URL of the monster scene images (CloudFront)',
    });
  }
}
