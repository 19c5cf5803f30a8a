import { SCENE_REQUEST_THROTTLE } from './route-throttles';
import type { RouteDefinition } from './routes';

/** The routes.ts table's monster scene routes. */
export const sceneRoutes: readonly RouteDefinition[] = [
  {
    id: 'RequestScene',
    method: 'POST',
    path: '/v1/me/scenes',
    entry: 'functions/http/me/request-scene.ts',
    auth: 'jwt',
    table: 'read-write',
    scenes: 'start',
    summary: 'Draw my scene (a level reached, default the current one); once per 5 minutes',
    throttle: SCENE_REQUEST_THROTTLE,
  },
  {
    id: 'GetMySceneJob',
    method: 'GET',
    path: '/v1/me/scenes/jobs/{job_id}',
    entry: 'functions/http/me/get-my-scene-job.ts',
    auth: 'jwt',
    table: 'read',
    scenes: 'read',
    summary: 'One of my scene jobs: status, progress, the image and thumbnails, or the error code',
  },
  {
    id: 'ListMyScenes',
    method: 'GET',
    path: '/v1/me/scenes',
    entry: 'functions/http/me/list-my-scenes.ts',
    auth: 'jwt',
    table: 'read',
    scenes: 'read',
    summary: 'My scene gallery: one scene per level drawn so far',
  },
];
