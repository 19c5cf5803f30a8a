import type { ScenePaths, StoredScene } from './scene-job';

/** A scene's images as a client loads them: absolute URLs, immutable (content-addressed). */
export interface SceneImageUrls {
  imageUrl: string;
  thumbnails: { medium: string; thumb: string };
}

export function sceneImageUrls(paths: ScenePaths, imagesBaseUrl: string): SceneImageUrls {
  const base = imagesBaseUrl.endsWith('/') ? imagesBaseUrl : `${imagesBaseUrl}/`;
  const url = (path: string) => new URL(path, base).toString();
  return { imageUrl: url(paths.full), thumbnails: { medium: url(paths.medium), thumb: url(paths.thumb) } };
}

/**
 * The scene the monster stands in at `sceneLevel`: that level's scene, or,
 * while it is being drawn (or if drawing it failed), the latest scene of a
 * level below, so a user never loses the scene they had. Null before any.
 */
export function sceneToShow(scenes: readonly StoredScene[], sceneLevel: number): StoredScene | null {
  let shown: StoredScene | null = null;
  for (const scene of scenes) {
    if (scene.sceneLevel > sceneLevel) continue;
    if (!shown || scene.sceneLevel > shown.sceneLevel) shown = scene;
  }
  return shown;
}
