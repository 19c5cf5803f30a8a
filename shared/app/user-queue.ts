/**
 * Runs tasks for the same key one after another, in arrival order; tasks for
 * different keys run concurrently. The use cases queue writes per user:
 * within one process, concurrent writes for one user would only race for the
 * profile's version and burn transactions on conflicts, so they wait their
 * turn here instead. Across processes (Lambda containers) the version guard
 * still decides. In Lambda a container serves one request at a time, so the
 * queue is always empty there; it matters in the local runtime and the tests.
 */
export type KeyedQueue = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  return async (key, task) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    try {
      return await result;
    } finally {
      // The last task of a key cleans up, so idle users cost no memory.
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
