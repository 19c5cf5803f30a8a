/**
 * Reads until `done` holds or `timeoutMs` passes, then returns the last read
 * (the caller's assertion then shows what was there). For what trails a
 * write by design: stream consumers, the index, pushes.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
