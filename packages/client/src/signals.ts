/**
 * Abort signals chained caller → call deadline → attempt timeout. Built from AbortController,
 * addEventListener and setTimeout only: React Native's Hermes lacks AbortSignal.timeout and
 * AbortSignal.any, and openapi-fetch's client-level `signal` is created once, not per attempt.
 */

export interface LinkedSignal {
  signal: AbortSignal;
  /** Stops the timer and unhooks from the parent; call when the work is finished. */
  done(): void;
}

/**
 * A signal that aborts with the parent's reason when `parent` aborts, or with `onTimeout()`
 * after `ms` (no timer when `ms` is undefined).
 */
export function linkSignal(
  parent: AbortSignal | undefined,
  ms: number | undefined,
  onTimeout: () => unknown,
): LinkedSignal {
  const controller = new AbortController();
  const follow = () => controller.abort(parent!.reason);
  if (parent?.aborted) follow();
  else parent?.addEventListener('abort', follow);
  const timer = ms === undefined ? undefined : setTimeout(() => controller.abort(onTimeout()), ms);
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', follow);
    },
  };
}

/** Rejects with the signal's reason once it aborts; never settles otherwise. */
export function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
