/**
 * Promise.withResolvers (Node 22) for Node 20: aws-local-stepfunctions calls
 * it while running a state machine. Imported before that package.
 */
type WithResolvers = <T>() => {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason?: unknown) => void;
};

const PromiseConstructor = Promise as unknown as { withResolvers?: WithResolvers };
PromiseConstructor.withResolvers ??= <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
