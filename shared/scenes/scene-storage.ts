import { S3Client } from '@aws-sdk/client-s3';
import { FilePendingImageStore } from '../adapters/procedural/file-pending-image-store';
import { FileSceneImageStore } from '../adapters/procedural/file-scene-image-store';
import { S3PendingImageStore } from '../adapters/s3/s3-pending-image-store';
import { S3SceneImageStore } from '../adapters/s3/s3-scene-image-store';
import type { PendingImageStore, SceneImageStore } from '../ports/scenes';
import type { SceneEnv } from './scene-env';

/** Scene images and pending images: the bucket on AWS, a folder locally. */

const s3 = (env: SceneEnv) => new S3Client(env.AWS_REGION ? { region: env.AWS_REGION } : {});

export function sceneImageStore(env: SceneEnv): SceneImageStore {
  return env.SCENES_BUCKET
    ? new S3SceneImageStore({ client: s3(env), bucket: env.SCENES_BUCKET })
    : new FileSceneImageStore(env.SCENES_DIR as string);
}

export function pendingImageStore(env: SceneEnv): PendingImageStore {
  return env.SCENES_BUCKET
    ? new S3PendingImageStore({ client: s3(env), bucket: env.SCENES_BUCKET })
    : new FilePendingImageStore(env.SCENES_DIR as string);
}
