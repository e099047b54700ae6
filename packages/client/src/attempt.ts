/**
 * One HTTP attempt with its own timeout, linked to the caller's AbortSignal. Built from
 * AbortController and setTimeout because Hermes (React Native) lacks AbortSignal.timeout/any,
 * and because openapi-fetch's client-level `signal` is created once, not per attempt.
 */
import { NetworkError, TimeoutError } from './errors.ts';

export type FetchLike = (request: Request) => Promise<Response>;

/** Sends `request` (a fresh clone per call, so the original stays replayable). */
export async function fetchAttempt(
  fetchImpl: FetchLike,
  request: Request,
  headers: Headers,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Response> {
  throwIfAborted(callerSignal);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new TimeoutError(timeoutMs));
  }, timeoutMs);
  try {
    return await fetchImpl(new Request(request.clone(), { headers, signal: controller.signal }));
  } catch (error) {
    if (timedOut) throw new TimeoutError(timeoutMs, { cause: error });
    if (callerSignal?.aborted) throw callerSignal.reason ?? error;
    if (error instanceof TimeoutError || error instanceof NetworkError) throw error;
    throw new NetworkError(`Request failed: ${describe(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onAbort);
  }
}

/** Waits `ms`, or rejects with the caller's abort reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Frees the connection of a response we will not read. */
export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already consumed or errored: nothing left to free.
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('The operation was aborted');
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
