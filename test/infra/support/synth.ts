import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsCustomResource } from 'aws-cdk-lib/custom-resources';
import { projectRoot } from '../../../lib/project-root';
import { defineQuestline, type QuestlineStacks } from '../../../lib/questline-app';

/** The feature flags cdk.json gives `cdk synth`, so tests build the same thing. */
const cdkJsonContext: Record<string, unknown> = JSON.parse(
  readFileSync(join(projectRoot, 'cdk.json'), 'utf8'),
).context;

export interface BuiltApp extends QuestlineStacks {
  app: App;
  /** templates from ONE synth (Template.fromStack would re-synth the app per call) */
  statefulTemplate: Template;
  statelessTemplate: Template;
  outdir: string;
}

export interface BuildOptions {
  /** the `questline` context value */
  questline?: unknown;
  /** run esbuild for real (slow); by default bundling is skipped */
  bundle?: boolean;
  outdir?: string;
  /**
   * A concrete account and region, as `cdk synth` passes them on an
   * operator's machine (CDK_DEFAULT_ACCOUNT/REGION); by default the stacks
   * are environment-agnostic.
   */
  env?: { account: string; region: string };
}

/** Only the app and its stacks, unsynthesized: for tests that add to it or expect construction to fail. */
export function defineApp(options: BuildOptions = {}): QuestlineStacks & { app: App } {
  const context: Record<string, unknown> = { ...cdkJsonContext };
  if (!options.bundle) context['aws:cdk:bundling-stacks'] = [];
  if (options.questline !== undefined) context.questline = options.questline;
  const app = new App({ builtinCloudFormationValidation: false, context, outdir: options.outdir });
  return { app, ...defineQuestline(app, options.env) };
}

/** Builds and synthesizes the app once (cdk-nag runs here and throws on findings). */
export function buildApp(options: BuildOptions = {}): BuiltApp {
  const defined = defineApp(options);
  const assembly = defined.app.synth();
  return {
    ...defined,
    outdir: assembly.directory,
    statefulTemplate: Template.fromJSON(assembly.getStackByName(defined.stateful.stackName).template),
    statelessTemplate: Template.fromJSON(assembly.getStackByName(defined.stateless.stackName).template),
  };
}

export type CfnResource = { Type: string; Properties: Record<string, unknown>; [key: string]: unknown };

/** Resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}

/** The one element of `items`; anything else fails the test, saying what was looked for. */
export function single<T>(items: readonly T[], what: string): T {
  const [first] = items;
  if (items.length !== 1 || first === undefined)
    throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return first;
}

/** A resource by logical id; a missing one fails the test. */
export function resourceById(template: Template, type: string, logicalId: string): CfnResource {
  const resource = resourcesOf(template, type)[logicalId];
  if (!resource) throw new Error(`no ${type} with logical id ${logicalId}`);
  return resource;
}

/**
 * The stack's Lambda functions that are Questline's own, by logical id: all
 * but CDK's upload function behind the dashboard's BucketDeployment, which
 * runs at deploy time only (its role and logs are ours; its code is CDK's).
 */
export function questlineFunctionIds(template: Template): string[] {
  return Object.keys(resourcesOf(template, 'AWS::Lambda::Function')).filter(
    (id) => !CDK_DEPLOY_TIME_HANDLERS.some((prefix) => id.startsWith(prefix)),
  );
}

/**
 * CDK's own functions that run only during a deploy (the dashboard's upload,
 * the call that starts the rules backfill): a failure fails the deploy, and
 * CloudFormation reports it.
 */
const CDK_DEPLOY_TIME_HANDLERS = [
  'CustomCDKBucketDeployment',
  `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replaceAll('-', '')}`,
];

/** The function made for a route, and the logical ids of its function and role. */
export function routeFunction(built: QuestlineStacks, routeId: string) {
  const fn = built.stateless.httpApi.functions.get(routeId);
  if (!fn) throw new Error(`no function for route ${routeId}`);
  return {
    fn,
    functionId: built.stateless.getLogicalId(fn.fn.node.defaultChild as CfnElement),
    roleId: built.stateless.getLogicalId(fn.role.node.defaultChild as CfnElement),
  };
}
