import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outboundContracts } from '../../../events/catalog';
import type { Envelope } from '../../../events/envelope';
import {
  isPushedDetailType,
  type PushableEnvelope,
  pushedDetailTypes,
  pushFrameFor,
  UnpushableEventError,
} from '../../../shared/realtime/pushes';

const samplesDir = join(import.meta.dirname, '../../../events/samples');

function sample(detailType: string): Envelope {
  return JSON.parse(readFileSync(join(samplesDir, `${detailType}.json`), 'utf8')) as Envelope;
}

function frameOf(detailType: string) {
  return pushFrameFor(sample(detailType));
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (error) {
    return error;
  }
}

describe('push frames from the event samples', () => {
  it('points.awarded -> points_awarded with the new totals and the activity', () => {
    expect(frameOf('points.awarded')).toEqual({
      event: 'points_awarded',
      data: {
        event_id: 'lms-7f3a9c2e',
        points: 185,
        new_total: 1135,
        activity: 'custom',
        multiplier: 1.545,
        coins: 19,
        new_coins: 219,
        level: 8,
      },
    });
  });

  it('points.awarded without an activity type (a purchase) names its kind as the activity', () => {
    const purchase = sample('points.awarded');
    const { activity_type: _type, ...data } = purchase.data;
    const frame = pushFrameFor({ ...purchase, data: { ...data, kind: 'purchase', xp: 0, coins: -50 } });
    expect(frame?.data).toMatchObject({ activity: 'purchase', points: 0, coins: -50 });
  });

  it('level.up -> level_up with the old and new level and the title', () => {
    expect(frameOf('level.up')).toEqual({
      event: 'level_up',
      data: { event_id: 'lms-7f3a9c2e', old_level: 7, new_level: 8, title: 'Novice', title_changed: false },
    });
  });

  it('milestone.reached -> milestone_reached with the old and new scene level', () => {
    expect(frameOf('milestone.reached')).toEqual({
      event: 'milestone_reached',
      data: {
        event_id: 'lms-7f3a9c2e',
        old_scene_level: 2,
        new_scene_level: 3,
        milestone_xp: 1000,
        description: 'teaching a class full of smaller monster students',
      },
    });
  });

  it('achievement.unlocked -> achievement_unlocked with its tier', () => {
    const frame = frameOf('achievement.unlocked');
    expect(frame?.event).toBe('achievement_unlocked');
    expect(frame?.data).toMatchObject({
      achievement_id: 'storyteller',
      name: 'Storyteller',
      tier: 'silver',
      times_earned: 2,
      rarity: 'rare',
      reward_xp: 100,
      reward_coins: 20,
      backfill: false,
    });
  });

  it('marks an unlock granted by a rules backfill', () => {
    const unlocked = sample('achievement.unlocked');
    expect(pushFrameFor({ ...unlocked, data: { ...unlocked.data, backfill: true } })?.data.backfill).toBe(
      true,
    );
  });

  it('an untiered achievement has tier null, so clients always find the field', () => {
    const unlocked = sample('achievement.unlocked');
    const { tier: _tier, ...data } = unlocked.data;
    expect(
      pushFrameFor({ ...unlocked, data: { ...data, kind: 'one_off', times_earned: 1 } })?.data.tier,
    ).toBeNull();
  });

  it.each([
    ['streak.updated', 'streak_updated', { streak_type: 'daily_activity', action: 'started', current: 1 }],
    ['item.unlocked', 'item_unlocked', { item_code: 'tshirt_blue', price_coins: 50 }],
    [
      'reward.redeemed',
      'reward_redeemed',
      { reward_id: 'notebook_questline', redemption_id: 'redeem-8c2f61a0' },
    ],
  ])('%s -> %s', (detailType, event, fields) => {
    const frame = frameOf(detailType);
    expect(frame?.event).toBe(event);
    expect(frame?.data).toMatchObject(fields);
  });

  it('leaderboard.changed -> leaderboard_changed with the new and the previous rank', () => {
    expect(frameOf('leaderboard.changed')).toEqual({
      event: 'leaderboard_changed',
      data: { board: 'xp', period: '2026-W48', rank: 3, previous_rank: 5, score: 1135 },
    });
  });

  it('scene.generated -> scene_generated with the level, the image and its thumbnails', () => {
    const base = 'https://d111111abcdef8.cloudfront.net/scenes/4f1c2a9be07d4c3e8a51f0d6b2c7e913';
    expect(frameOf('scene.generated')).toEqual({
      event: 'scene_generated',
      data: {
        job_id: '01JDQ3Y2V7M4K8R6T0S9B2N5XC',
        scene_level: 3,
        image_url: `${base}/full.webp`,
        thumbnails: { medium: `${base}/medium.webp`, thumb: `${base}/thumb.webp` },
      },
    });
  });

  it('never repeats the user id in a frame: the connection is the user', () => {
    for (const detailType of pushedDetailTypes) {
      expect(frameOf(detailType)?.data).not.toHaveProperty('user_id');
    }
  });
});

describe('what is not pushed', () => {
  it.each(['badge.earned', 'streak.milestone', 'streak.broken', 'streak.frozen', 'scene.failed'])(
    '%s -> null',
    (detailType) => {
      expect(isPushedDetailType(detailType)).toBe(false);
      expect(frameOf(detailType)).toBeNull();
    },
  );

  it('an unknown detail type -> null', () => {
    const envelope: PushableEnvelope = {
      metadata: { type: 'monster.danced', version: 1, user_id: 'u' },
      data: {},
    };
    expect(pushFrameFor(envelope)).toBeNull();
  });

  it('lists exactly the pushed detail types, every one a published contract', () => {
    expect([...pushedDetailTypes].sort()).toEqual(
      [
        'achievement.unlocked',
        'item.unlocked',
        'leaderboard.changed',
        'level.up',
        'milestone.reached',
        'points.awarded',
        'reward.redeemed',
        'scene.generated',
        'streak.updated',
      ].sort(),
    );
    for (const detailType of pushedDetailTypes)
      expect(Object.hasOwn(outboundContracts, detailType)).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses data that names another user than the metadata', () => {
    const envelope = sample('points.awarded');
    const error = thrownBy(() =>
      pushFrameFor({ ...envelope, data: { ...envelope.data, user_id: 'someone-else' } }),
    );
    expect(error).toBeInstanceOf(UnpushableEventError);
  });

  it('refuses data that does not match its contract', () => {
    const envelope = sample('level.up');
    const error = thrownBy(() => pushFrameFor({ ...envelope, data: { ...envelope.data, level: 'eight' } }));
    expect(error).toBeInstanceOf(UnpushableEventError);
    expect((error as Error).message).toContain('level');
  });

  it('refuses a contract version it has no mapping for', () => {
    const envelope = sample('level.up');
    const error = thrownBy(() =>
      pushFrameFor({ ...envelope, metadata: { ...envelope.metadata, version: 2 } }),
    );
    expect(error).toBeInstanceOf(UnpushableEventError);
  });
});
