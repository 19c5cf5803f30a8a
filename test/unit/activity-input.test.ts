import { describe, expect, it } from 'vitest';
import { activityInputSchema, detailType, toActivity, version } from '../../events/activity-completed.v1';

const valid = {
  event_id: 'evt:2026-11-23.a_1',
  user_id: 'user-123',
  activity_type: 'lesson_complete',
  occurred_at: '2026-11-23T14:05:00+01:00',
};

function issuesOf(input: unknown) {
  const result = activityInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('activity.completed v1 input', () => {
  it('names its contract', () => {
    expect(detailType).toBe('activity.completed');
    expect(version).toBe(1);
  });

  it('accepts a minimal activity and maps it to the domain in UTC', () => {
    const activity = toActivity(activityInputSchema.parse(valid));
    expect(activity).toEqual({
      eventId: 'evt:2026-11-23.a_1',
      userId: 'user-123',
      type: 'lesson_complete',
      occurredAt: '2026-11-23T13:05:00.000Z',
    });
  });

  it.each(['auth0|5f7c8ec7c33c6c004bbafe82', 'google-oauth2|104231', 'd1f3c2a0-8b7e-4c5d-9e6f-0a1b2c3d4e5f'])(
    'accepts the subject of an OIDC issuer as a user id: %s',
    (userId) => {
      expect(toActivity(activityInputSchema.parse({ ...valid, user_id: userId })).userId).toBe(userId);
    },
  );

  it('keeps | to user ids: an event id with one is refused', () => {
    expect(issuesOf({ ...valid, event_id: 'a|b' }).map((i) => i.path)).toEqual(['event_id']);
  });

  it("refuses an event id in the prefix of Questline's own grants (backfill:)", () => {
    expect(
      issuesOf({ ...valid, event_id: 'backfill:r0123456789abcdef:quiz_fan' }).map((i) => i.path),
    ).toEqual(['event_id']);
    expect(activityInputSchema.safeParse({ ...valid, event_id: 'my-backfill:1' }).success).toBe(true);
  });

  it('carries subject, amount and metadata through', () => {
    const input = { ...valid, subject_id: 'lesson-42', amount: 120, metadata: { course: 'a1' } };
    expect(toActivity(activityInputSchema.parse(input))).toMatchObject({
      subjectId: 'lesson-42',
      amount: 120,
      metadata: { course: 'a1' },
    });
  });

  it.each([
    ['event_id', { event_id: '' }],
    ['event_id', { event_id: 'has space' }],
    ['event_id', { event_id: 'x'.repeat(129) }],
    ['user_id', { user_id: 'a/b' }],
    ['activity_type', { activity_type: 'Lesson' }],
    ['activity_type', { activity_type: 'x' }],
    ['occurred_at', { occurred_at: '2026-11-23T14:05:00' }],
    ['occurred_at', { occurred_at: 'yesterday' }],
    ['subject_id', { subject_id: '' }],
    ['amount', { amount: 0 }],
    ['amount', { amount: 1.5 }],
    ['amount', { amount: 1_000_001 }],
    ['amount', { amount: '5' }],
    ['metadata', { metadata: { blob: 'x'.repeat(4100) } }],
    ['metadata', { metadata: ['a'] }],
  ])('rejects a bad %s and names it', (field, patch) => {
    const issues = issuesOf({ ...valid, ...patch });
    expect(issues.map((i) => i.path)).toContain(field);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it('accepts metadata up to 4096 bytes of JSON', () => {
    // {"b":"..."} is 8 bytes of framing
    const metadata = { b: 'x'.repeat(4088) };
    expect(activityInputSchema.safeParse({ ...valid, metadata }).success).toBe(true);
    expect(activityInputSchema.safeParse({ ...valid, metadata: { b: 'x'.repeat(4089) } }).success).toBe(
      false,
    );
  });

  it('rejects unknown keys, naming them', () => {
    const issues = issuesOf({ ...valid, points: 10 });
    expect(issues.map((i) => i.message).join(' ')).toMatch(/points/);
  });

  it.each(['event_id', 'user_id', 'activity_type', 'occurred_at'])('requires %s', (field) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[field];
    expect(issuesOf(input).map((i) => i.path)).toContain(field);
  });
});
