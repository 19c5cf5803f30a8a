import { ConflictError } from '../domain/errors';
import { defaultMonster, type Monster, type MonsterInput } from '../domain/monster/monster';
import { applyMonsterUpdate } from '../domain/monster/update';
import { type MonsterView, monsterView } from '../domain/monster/view';
import { newProfile } from '../domain/profile';
import { type SceneImageUrls, sceneImageUrls, sceneToShow } from '../domain/scenes/scene-images';
import type { StoredScene } from '../domain/scenes/scene-job';
import { isItemUnlocked } from '../domain/shop/catalog';
import type { Profile } from '../domain/types';
import { StaleProfileError } from '../ports/game';
import type { SceneStore } from '../ports/scenes';
import type { MonsterStore, ProfileReader, RateLimiter, ShopStore } from '../ports/shop';
import { startBackoff } from './contention-retry';
import type { AppDeps } from './deps';

/** Only what the monster routes touch, so their composition root carries nothing else. */
export interface MonsterDeps extends Pick<AppDeps, 'rules' | 'clock' | 'retry' | 'metrics'> {
  store: ProfileReader;
  monsters: MonsterStore;
  shop: Pick<ShopStore, 'listOwnedItems'>;
  rateLimiter: RateLimiter;
  scenes: Pick<SceneStore, 'listScenes'>;
  /** where scene images are served from (SCENES_BASE_URL) */
  imagesBaseUrl: string;
}

export interface MonsterAnswer {
  view: MonsterView;
  /** the stored version: send it back with a PUT to guard against another tab's change */
  version: number;
}

export interface MonsterUpdated extends MonsterAnswer {
  /** true when what the scene shows changed (colors, items), not for a new name */
  needsSceneRegeneration: boolean;
}

/**
 * GET and PUT /v1/me/monster. A new user gets the default monster. A PUT is
 * a versioned write: with `version` (from a GET) it applies only to that
 * version, so a change made in another tab meanwhile is a 409 instead of
 * being overwritten; without it, a concurrent write is reloaded and the
 * partial update applied again on top.
 */
export function makeMonsterUseCases(deps: MonsterDeps) {
  async function load(userId: string): Promise<{ profile: Profile; monster: Monster }> {
    const [profile, monster] = await Promise.all([
      deps.store.getProfile(userId),
      deps.monsters.getMonster(userId),
    ]);
    return {
      profile: profile ?? newProfile(userId, deps.clock.now()),
      monster: monster ?? defaultMonster(deps.rules),
    };
  }

  /** The URLs of the scene to show at the profile's level (the scenes are read alongside, not after). */
  function shownScene(scenes: StoredScene[], profile: Profile): SceneImageUrls | null {
    const scene = sceneToShow(scenes, profile.sceneLevel);
    return scene && sceneImageUrls(scene.paths, deps.imagesBaseUrl);
  }

  return {
    async getMonster(userId: string): Promise<MonsterAnswer> {
      const [{ profile, monster }, scenes] = await Promise.all([
        load(userId),
        deps.scenes.listScenes(userId),
      ]);
      return {
        view: monsterView(deps.rules, profile, monster, shownScene(scenes, profile)),
        version: monster.version,
      };
    },

    async updateMonster(
      userId: string,
      input: MonsterInput,
      expectedVersion?: number,
    ): Promise<MonsterUpdated> {
      await deps.rateLimiter.hit(
        userId,
        'customization',
        deps.rules.shop.rate_limits.customization_per_minute,
      );
      const backoff = startBackoff(deps);
      for (;;) {
        const [{ profile, monster }, owned, scenes] = await Promise.all([
          load(userId),
          deps.shop.listOwnedItems(userId),
          deps.scenes.listScenes(userId),
        ]);
        if (expectedVersion !== undefined && expectedVersion !== monster.version) {
          throw new ConflictError(
            'monster_version_conflict',
            `the monster is at version ${monster.version}, not ${expectedVersion}: reload it and apply the change again`,
          );
        }
        const unlocked = new Set(
          Object.keys(deps.rules.shop.items).filter((code) =>
            isItemUnlocked(deps.rules, profile, owned, code),
          ),
        );
        const update = applyMonsterUpdate(deps.rules, monster, input, unlocked, deps.clock.now());
        try {
          const stored = await deps.monsters.saveMonster(userId, update.monster);
          return {
            view: monsterView(deps.rules, profile, stored, shownScene(scenes, profile)),
            version: stored.version,
            needsSceneRegeneration: update.needsSceneRegeneration,
          };
        } catch (error) {
          if (!(error instanceof StaleProfileError)) throw error;
          await backoff.wait(error);
        }
      }
    },
  };
}
