import type { RouteSpec } from './route-specs';
import {
  sceneJobPathSchema,
  sceneJobResponseSchema,
  sceneRequestBodySchema,
  sceneRequestedResponseSchema,
  scenesResponseSchema,
} from './scene-schemas';

/** The scene routes' part of route-specs.ts. */
export const sceneRouteSpecs = {
  RequestScene: {
    body: { name: 'SceneRequest', schema: sceneRequestBodySchema, optional: true },
    responses: {
      202: {
        description: 'The scene job is queued: poll it at the Location header (/v1/me/scenes/jobs/{job_id})',
        schema: sceneRequestedResponseSchema,
        name: 'SceneRequestedResponse',
      },
    },
    // 422 scene_level_locked: a level not reached yet; 429: one request per 5 minutes
    errors: [400, 413, 415, 401, 422, 429],
  },
  GetMySceneJob: {
    path: sceneJobPathSchema,
    responses: {
      200: { description: 'The scene job', schema: sceneJobResponseSchema, name: 'SceneJobResponse' },
    },
    errors: [400, 401, 404],
  },
  ListMyScenes: {
    responses: {
      200: { description: 'My scenes, by level', schema: scenesResponseSchema, name: 'ScenesResponse' },
    },
    errors: [401],
  },
} satisfies Record<string, RouteSpec>;
