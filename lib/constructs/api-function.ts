import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { projectRoot } from '../project-root';

/** What every Questline function shares; set once by the stack. */
export interface ApiFunctionDefaults {
  /** the esbuild define value for process.env.QUESTLINE_RULES_JSON (a JS string literal) */
  rulesDefine: string;
  logRetention: RetentionDays;
}

export interface ApiFunctionProps extends ApiFunctionDefaults {
  /** handler module, relative to the repository root; it exports `handler` */
  entry: string;
  description: string;
  /** default 10 s: API Gateway gives up at 30 s, and a write's contention budget is a few seconds */
  timeout?: Duration;
  /** default 512 MB */
  memorySize?: number;
  /**
   * Native modules to install into the bundle for the function's platform
   * (Linux, arm64) instead of bundling: sharp.
   */
  nativeModules?: string[];
  /**
   * Modules left out of the bundle: ones the function never loads (another
   * task's native module), or AWS SDK clients taken from the Lambda runtime.
   */
  externalModules?: string[];
}

/**
 * ESM output still meets CommonJS dependencies that call `require`; esbuild
 * leaves those calls alone, so give the module a real one.
 */
const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * One Lambda function with the house defaults: Node.js 22 on arm64, an ESM
 * bundle built by the local esbuild (never Docker), the rules inlined, its
 * own role and log group (no AWS managed policies), X-Ray active, Powertools
 * configured through env.
 */
const LAZY_CREDENTIAL_PROVIDERS = [
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-web-identity',
  '@smithy/credential-provider-imds',
];

export class ApiFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    // Own role instead of AWSLambdaBasicExecutionRole: logs go to this group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Questline ${id}: ${props.description}`.slice(0, 1000),
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(projectRoot, props.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'questline',
        POWERTOOLS_METRICS_NAMESPACE: 'Questline',
        LOG_LEVEL: 'INFO',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: false,
        charset: Charset.UTF8,
        // The SDK is bundled: one minified file initialises in ~120 ms where the
        // runtime's copy, loaded file by file, takes ~200 ms (npm run check:bundles).
        // Only the credential providers the default chain imports lazily stay
        // out; on Lambda the chain stops at the environment's credentials, and
        // the others would load from the runtime's SDK if ever needed.
        externalModules: [...LAZY_CREDENTIAL_PROVIDERS, ...(props.externalModules ?? [])],
        ...(props.nativeModules && {
          nodeModules: props.nativeModules,
          // installed for the function's platform, not the machine that synthesizes (TOOLCHAIN.md)
          environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
        }),
        define: { 'process.env.QUESTLINE_RULES_JSON': props.rulesDefine },
        // Evaluated before any module of the function: zod's setup (see the file).
        inject: [join(projectRoot, 'shared/zod-setup.ts')],
        logLevel: LogLevel.WARNING,
        forceDockerBundling: false,
      },
    });

    const cfnFunction = this.fn.node.defaultChild;
    if (cfnFunction) {
      Validations.of(cfnFunction).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 on purpose: the handlers are built and tested (local runtime, test tiers) on the Node 20/22 line that middy 6 and the pinned toolchain support; nodejs24.x is a deliberate upgrade, not a default.',
      });
    }
    const policy = this.role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      Validations.of(policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Only X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) and, for stream consumers, dynamodb:ListStreams are granted on "*": those actions support no resource-level permissions. Data grants name the table or stream ARN (asserted by the infra tests).',
      });
    }
  }
}
