import { describe, expect, it } from 'vitest';
import { adjustmentBodySchema, historyQuerySchema, toAdjustment } from '../../shared/http/request-schemas';

describe('adjustment requests', () => {
  it('turns a grant into positive amounts', () => {
    const body = adjustmentBodySchema.parse({
      event_id: 'a-1',
      direction: 'grant',
      coins: 50,
      reason: 'gift',
    });
    expect(toAdjustment('u-1', body)).toEqual({
      eventId: 'a-1',
      userId: 'u-1',
      xp: 0,
      coins: 50,
      reason: 'gift',
    });
  });

  it('turns a deduction into negative amounts, never -0', () => {
    const body = adjustmentBodySchema.parse({ event_id: 'a-2', direction: 'deduct', xp: 7, reason: 'abuse' });
    const adjustment = toAdjustment('u-1', body);
    expect(adjustment.xp).toBe(-7);
    expect(Object.is(adjustment.coins, 0)).toBe(true);
  });

  it('refuses an adjustment that moves nothing', () => {
    const result = adjustmentBodySchema.safeParse({
      event_id: 'a-3',
      direction: 'grant',
      xp: 0,
      reason: 'x',
    });
    expect(result.success).toBe(false);
  });

  it('refuses a blank reason', () => {
    const result = adjustmentBodySchema.safeParse({
      event_id: 'a-4',
      direction: 'grant',
      xp: 1,
      reason: '   ',
    });
    expect(result.success).toBe(false);
  });
});

describe('history query', () => {
  it('defaults the page size to 20', () => {
    expect(historyQuerySchema.parse({})).toEqual({ limit: 20 });
  });

  it('reads the page size from its query-string text', () => {
    expect(historyQuerySchema.parse({ limit: '5', cursor: 'abc' })).toEqual({ limit: 5, cursor: 'abc' });
  });

  it.each(['0', '101', 'abc', '2.5', ''])('refuses limit=%j', (limit) => {
    expect(historyQuerySchema.safeParse({ limit }).success).toBe(false);
  });
});
