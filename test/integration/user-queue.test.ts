import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from '../../shared/app/user-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('keyed queue (per-user turns within a process)', () => {
  it('runs tasks of one key one at a time, in arrival order', async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };

    const results = await Promise.all([queue('u', task('a')), queue('u', task('b')), queue('u', task('c'))]);

    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs tasks of different keys side by side', async () => {
    const queue = createKeyedQueue();
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
    };

    await Promise.all([queue('u1', task), queue('u2', task), queue('u3', task)]);

    expect(most).toBe(3);
  });

  it('lets the next task run after one fails, and reports the failure to its caller only', async () => {
    const queue = createKeyedQueue();

    const failed = queue('u', async () => {
      throw new Error('boom');
    });
    const next = queue('u', async () => 'next');

    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
