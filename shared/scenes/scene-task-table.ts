import type { TableAccess } from '../table-access';

/**
 * The scene workflow's tasks: one Lambda function each on AWS (CDK reads
 * what each may touch from here), one in-process handler each locally. The
 * definition that strings them together is scene-workflow.ts.
 */

export type SceneTaskId =
  | 'PrepareScene'
  | 'DrawScene'
  | 'DrawFallbackScene'
  | 'ModerateScene'
  | 'StoreScene'
  | 'RecordScene'
  | 'FailScene';

export interface SceneTaskDefinition {
  id: SceneTaskId;
  /** handler module relative to the repository root; it exports `handler` */
  entry: string;
  description: string;
  /** what the task does to the table (granted exactly) */
  table: TableAccess;
  /** what it does in the scenes bucket: read stored images (`scenes/`), read or write pending ones */
  bucket: readonly ('read-scenes' | 'write-scenes' | 'read-pending' | 'write-pending')[];
  /** calls the image model (bedrock:InvokeModel on the configured model) */
  model?: boolean;
  /** calls Rekognition DetectModerationLabels */
  moderation?: boolean;
  /** seconds: a model draws in seconds, sharp in a fraction of one */
  timeoutSeconds: number;
  memorySize: number;
  /** native modules the task loads (installed for Lambda's platform, not bundled) */
  nativeModules?: readonly string[];
}

export const sceneWorkflowTasks: readonly SceneTaskDefinition[] = [
  {
    id: 'PrepareScene',
    entry: 'functions/workflow/prepare-scene.ts',
    description: 'Scene: start the job, build the look and prompt, look up the cache',
    table: 'read-write',
    bucket: ['read-scenes'],
    timeoutSeconds: 10,
    memorySize: 512,
  },
  {
    id: 'DrawScene',
    entry: 'functions/workflow/draw-scene.ts',
    description: 'Scene: draw with the configured model',
    table: 'read-write',
    bucket: ['write-pending'],
    model: true,
    timeoutSeconds: 90,
    memorySize: 512,
  },
  {
    id: 'DrawFallbackScene',
    entry: 'functions/workflow/draw-fallback-scene.ts',
    description: 'Scene: draw with the procedural renderer',
    table: 'none',
    bucket: ['write-pending'],
    timeoutSeconds: 10,
    memorySize: 512,
  },
  {
    id: 'ModerateScene',
    entry: 'functions/workflow/moderate-scene.ts',
    description: 'Scene: moderate a drawn image',
    table: 'none',
    bucket: ['read-pending'],
    moderation: true,
    timeoutSeconds: 30,
    memorySize: 512,
  },
  {
    id: 'StoreScene',
    entry: 'functions/workflow/store-scene.ts',
    description: 'Scene: WebP renditions, stored under the cache key',
    table: 'read-write',
    bucket: ['read-pending', 'write-scenes'],
    timeoutSeconds: 30,
    memorySize: 1536,
    nativeModules: ['sharp'],
  },
  {
    id: 'RecordScene',
    entry: 'functions/workflow/record-scene.ts',
    description: 'Scene: complete the job and record the scene',
    table: 'read-write',
    bucket: [],
    timeoutSeconds: 10,
    memorySize: 512,
  },
  {
    id: 'FailScene',
    entry: 'functions/workflow/fail-scene.ts',
    description: 'Scene: fail the job with its step code',
    table: 'read-write',
    bucket: [],
    timeoutSeconds: 10,
    memorySize: 512,
  },
];
