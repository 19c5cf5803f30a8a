import { describe, expect, it } from 'vitest';
import { parseInboundEvent, toInboundActivity } from '../../shared/bus/parse-inbound-event';
import { ValidationError } from '../../shared/domain/errors';
import defaultInbound from '../../shared/rules/default-inbound.json';
import { defaultRules, parseRules } from '../../shared/rules/load';
import { rulesDocument, rulesIssuesAfter } from './fixtures';

const baseDetail = {
  event_id: 'evt-1',
  user_id: 'user-1',
  occurred_at: '2026-01-31T10:30:00+01:00',
};

/** The ValidationError's field issues, or a failure if it did not throw one. */
function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
  throw new Error('expected a ValidationError');
}

const rulesIssues = (edit: (doc: Record<string, unknown>) => void) => rulesIssuesAfter(edit);

describe('inbound_events in the rules', () => {
  it('gives a document without the key the shipped map of the seeds names', () => {
    expect(defaultRules().inbound_events).toEqual(defaultInbound);
    expect(defaultRules().inbound_events.story_completion).toEqual({ activity_type: 'story_completed' });
    expect(defaultRules().inbound_events.user_action).toEqual({ activity_type: 'custom' });
  });

  it('maps every shipped name to an activity of the default rules', () => {
    for (const { activity_type } of Object.values(defaultRules().inbound_events)) {
      expect(Object.keys(defaultRules().activities)).toContain(activity_type);
    }
  });

  it('keeps an explicit empty map: activity.completed only', () => {
    const rules = parseRules({ ...rulesDocument(), inbound_events: {} }, 'test');
    expect(rules.inbound_events).toEqual({});
  });

  it('refuses a mapped activity the rules do not define, naming its path', () => {
    const issues = rulesIssues((doc) => {
      doc.inbound_events = { workout_logged: { activity_type: 'jogging' } };
    });
    expect(issues).toContainEqual({
      field: 'inbound_events.workout_logged.activity_type',
      message: 'unknown activity jogging',
    });
  });

  it('refuses the shipped map once an activity it names is removed', () => {
    const issues = rulesIssues((doc) => {
      delete (doc.activities as Record<string, unknown>).custom;
    });
    expect(issues.map((i) => i.field)).toContain('inbound_events.user_action.activity_type');
  });

  it('refuses mapping activity.completed itself and an unknown mapping field', () => {
    const issues = rulesIssues((doc) => {
      doc.inbound_events = {
        'activity.completed': { activity_type: 'quiz_completed' },
        quiz_done: { activity_type: 'quiz_completed', xp: 5 },
      };
    });
    expect(issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['inbound_events.activity.completed', 'inbound_events.quiz_done.xp']),
    );
  });
});

describe('toInboundActivity', () => {
  it('takes an activity.completed detail as is, normalizing the time to UTC', () => {
    const activity = toInboundActivity(defaultRules(), 'activity.completed', {
      ...baseDetail,
      activity_type: 'quiz_completed',
      amount: 3,
    });
    expect(activity).toEqual({
      eventId: 'evt-1',
      userId: 'user-1',
      type: 'quiz_completed',
      occurredAt: '2026-01-31T09:30:00.000Z',
      amount: 3,
    });
  });

  it('gives a mapped name its activity when the detail leaves activity_type out', () => {
    const activity = toInboundActivity(defaultRules(), 'story_completion', {
      ...baseDetail,
      subject_id: 'story-9',
    });
    expect(activity).toMatchObject({ type: 'story_completed', subjectId: 'story-9' });
  });

  it('accepts a mapped name whose detail repeats the mapped activity_type', () => {
    const detail = { ...baseDetail, activity_type: 'daily_login' };
    expect(toInboundActivity(defaultRules(), 'daily_login', detail).type).toBe('daily_login');
  });

  it('refuses a mapped name whose detail names another activity', () => {
    const issues = issuesOf(() =>
      toInboundActivity(defaultRules(), 'story_completion', {
        ...baseDetail,
        activity_type: 'quiz_completed',
      }),
    );
    expect(issues).toEqual([
      { field: 'detail.activity_type', message: expect.stringMatching(/story_completed/) },
    ]);
  });

  it('refuses an event name that is neither activity.completed nor mapped', () => {
    const issues = issuesOf(() => toInboundActivity(defaultRules(), 'toString', baseDetail));
    expect(issues).toEqual([
      { field: 'detail-type', message: expect.stringMatching(/unknown event toString/) },
    ]);
  });

  it('names each bad field of the detail under detail.', () => {
    const issues = issuesOf(() =>
      toInboundActivity(defaultRules(), 'activity.completed', {
        ...baseDetail,
        activity_type: 'quiz_completed',
        occurred_at: 'yesterday',
        points: 5,
      }),
    );
    expect(issues.map((i) => i.field).sort()).toEqual(['detail.occurred_at', 'detail.points']);
  });

  it('refuses a mapped event whose detail is not an object', () => {
    const issues = issuesOf(() => toInboundActivity(defaultRules(), 'daily_login', 'hello'));
    expect(issues.map((i) => i.field)).toEqual(['detail']);
  });
});

describe('parseInboundEvent', () => {
  const body = (event: Record<string, unknown>) => JSON.stringify(event);

  it('reads an EventBridge event as the SQS target delivers it', () => {
    const event = parseInboundEvent(
      defaultRules(),
      body({
        version: '0',
        id: 'eb-1',
        'detail-type': 'lesson_complete',
        source: 'com.example.lessons',
        account: '123456789012',
        time: '2026-01-31T09:30:00Z',
        region: 'eu-west-1',
        resources: [],
        detail: { ...baseDetail, subject_id: 'lesson-1' },
      }),
    );
    expect(event).toMatchObject({
      id: 'eb-1',
      source: 'com.example.lessons',
      detailType: 'lesson_complete',
      activity: { eventId: 'evt-1', type: 'lesson_complete', subjectId: 'lesson-1' },
    });
  });

  it('refuses a body that is not JSON', () => {
    const issues = issuesOf(() => parseInboundEvent(defaultRules(), '{"detail-type":'));
    expect(issues).toEqual([{ field: 'body', message: expect.stringMatching(/^not JSON/) }]);
  });

  it('refuses an event without a detail-type or without a detail, or one that is not an object', () => {
    expect(
      issuesOf(() => parseInboundEvent(defaultRules(), body({ detail: baseDetail }))).map((i) => i.field),
    ).toEqual(['detail-type']);
    const noDetail = issuesOf(() =>
      parseInboundEvent(defaultRules(), body({ 'detail-type': 'activity.completed' })),
    );
    expect(noDetail.map((i) => i.field)).toEqual(['detail']);
    expect(issuesOf(() => parseInboundEvent(defaultRules(), '[]')).map((i) => i.field)).toEqual(['body']);
  });
});
