import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildWebSync } from '../../web/build';
import { contentSecurityPolicy } from '../../web/csp';
import { distributionDefaults, loggedPrivateBucket } from './logged-bucket';
import { acknowledgeWildcardResource } from './nag-findings';

/** The page is the same for every stack a process synthesizes (the infra tests make dozens): built once. */
let builtPage: string | undefined;

export interface DashboardSiteProps {
  /** origins the page may call: the API, the WebSocket, the sign-in token endpoint (tokens are fine) */
  connectOrigins: string[];
  /** where scene images come from */
  imageOrigins: string[];
  logRetention: RetentionDays;
}

/**
 * The player's dashboard on AWS: the page (built by esbuild at synth, the
 * same build `npm start` serves) in a private bucket behind CloudFront with
 * Origin Access Control, HTTPS only, logged, and security headers on every
 * answer: a Content-Security-Policy that lets the page reach only the API,
 * the WebSocket, the sign-in endpoint and the scene images. Its config is
 * written at deploy time (config.json), so the bundle names no deployment.
 */
export class DashboardSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>/ */
  readonly url: string;
  private readonly logRetention: RetentionDays;

  constructor(scope: Construct, id: string, props: DashboardSiteProps) {
    super(scope, id);
    this.logRetention = props.logRetention;
    // Only build output lives in the bucket (every deploy writes it again).
    const { bucket, logs } = loggedPrivateBucket(this, { what: 'dashboard' });
    this.bucket = bucket;

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Questline dashboard: CSP and security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({
            connect: props.connectOrigins,
            images: props.imageOrigins,
          }),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.SAMEORIGIN, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Questline dashboard',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      ...distributionDefaults(logs),
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The dashboard is for every player of the product, wherever they are.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves a static page from a private bucket (GET/HEAD only, no code behind it); the API it calls has its own throttling. Operators who want a WAF web ACL attach it to the distribution.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The distribution uses its default *.cloudfront.net certificate, whose security policy CloudFront fixes; viewers are redirected to HTTPS. A custom domain with its own certificate and TLSv1.2_2021 is the operator's choice.",
      },
    );
    this.url = `https://${this.distribution.distributionDomainName}/`;
    new CfnOutput(this, 'DashboardUrl', {
      key: 'DashboardUrl',
      value: this.url,
      description: "The player's dashboard",
    });
  }

  /** Uploads the page and its config.json (deploy-time values), then invalidates the CDN's copies. */
  deploy(config: Record<string, unknown>): BucketDeployment {
    builtPage ??= buildWebSync(mkdtempSync(join(tmpdir(), 'questline-web-')));
    const built = builtPage;
    // Its own role and log group, like every function here: no AWS managed policy, logs kept as long as the rest.
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: this.logRetention });
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: "Questline dashboard: CDK's upload of the page and its config",
    });
    logGroup.grantWrite(role);
    const deployment = new BucketDeployment(this, 'Deployment', {
      role,
      logGroup,
      destinationBucket: this.bucket,
      sources: [Source.asset(built), Source.jsonData('config.json', config)],
      // names are not content-hashed: browsers revalidate (ETag), the CDN is invalidated per deploy
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
    acknowledgeDeploymentFunction(Stack.of(this), role, this.bucket);
    return deployment;
  }
}

/** CDK's own upload function (one per stack, Python with the AWS CLI): what cdk-nag says of it, answered. */
function acknowledgeDeploymentFunction(stack: Stack, role: Role, bucket: Bucket): void {
  const singleton = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  const policy = role.node.tryFindChild('DefaultPolicy');
  if (!singleton || !policy) throw new Error("CDK's BucketDeployment function was not found where expected");
  Validations.of(singleton).acknowledge({
    id: 'AwsSolutions-L1',
    reason: "The runtime of CDK's own BucketDeployment function is CDK's choice, updated with aws-cdk-lib.",
  });
  const copying =
    "CDK's BucketDeployment copies the build from the CDK assets bucket into the dashboard bucket (and deletes what a new build no longer has): CDK grants these object and listing actions on those two buckets only.";
  for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*']) {
    Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason: copying });
  }
  acknowledgeWildcardResource(
    policy,
    `arn:${stack.partition}:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`,
    copying,
  );
  acknowledgeWildcardResource(policy, `${bucket.bucketArn}/*`, copying);
  acknowledgeWildcardResource(
    policy,
    '*',
    "CloudFront's CreateInvalidation (after each upload) has no resource-level permissions; CDK grants it on '*'.",
  );
}
