import { defineRoute } from '../define-route';
import { SCENE_REQUEST_THROTTLE } from '../route-throttles';
import {
  sceneJobPathSchema,
  sceneJobResponseSchema,
  sceneRequestBodySchema,
  sceneRequestedResponseSchema,
  scenesResponseSchema,
} from '../scene-schemas';

/** My monster's scenes: drawing one, following the job, the gallery. */

export const requestSceneRoute = defineRoute({
  id: 'RequestScene',
  method: 'POST',
  path: '/v1/me/scenes',
  entry: 'functions/http/me/request-scene.ts',
  auth: 'jwt',
  table: 'read-write',
  scenes: 'start',
  summary: 'Draw my scene (a level reached, default the current one); once per 5 minutes',
  throttle: SCENE_REQUEST_THROTTLE,
  request: { body: { name: 'SceneRequest', schema: sceneRequestBodySchema, optional: true } },
  responses: {
    202: {
      description: 'The scene job is queued: poll it at the Location header (/v1/me/scenes/jobs/{job_id})',
      schema: sceneRequestedResponseSchema,
      name: 'SceneRequestedResponse',
    },
  },
  // 422 scene_level_locked: a level not reached yet; 429: one request per 5 minutes
  errors: [422, 429],
});

export const getMySceneJobRoute = defineRoute({
  id: 'GetMySceneJob',
  method: 'GET',
  path: '/v1/me/scenes/jobs/{job_id}',
  entry: 'functions/http/me/get-my-scene-job.ts',
  auth: 'jwt',
  table: 'read',
  scenes: 'read',
  summary: 'One of my scene jobs: status, progress, the image and thumbnails, or the error code',
  request: { path: sceneJobPathSchema },
  responses: {
    200: { description: 'The scene job', schema: sceneJobResponseSchema, name: 'SceneJobResponse' },
  },
  errors: [404],
});

export const listMyScenesRoute = defineRoute({
  id: 'ListMyScenes',
  method: 'GET',
  path: '/v1/me/scenes',
  entry: 'functions/http/me/list-my-scenes.ts',
  auth: 'jwt',
  table: 'read',
  scenes: 'read',
  summary: 'My scene gallery: one scene per level drawn so far',
  responses: {
    200: { description: 'My scenes, by level', schema: scenesResponseSchema, name: 'ScenesResponse' },
  },
  errors: [],
});
