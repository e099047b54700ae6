/**
 * One HTTP attempt, from sending the request to the last body byte. The body is read here, under
 * the attempt's signal, because undici reports a connection that drops after the headers only
 * when the body is read (`TypeError: terminated`), after fetch() has resolved: read later, that
 * fault would escape the timeout, the abort and the retry loop. What comes back is a complete,
 * buffered Response, or one of the client's typed errors.
 */
import { MalformedResponseError, NetworkError, TimeoutError, type ErrorOptions } from './errors.ts';
import { linkSignal, whenAborted } from './signals.ts';

export type FetchLike = (request: Request) => Promise<Response>;

/** The call an attempt belongs to, for the errors it raises. */
export interface AttemptInfo {
  method: string;
  operationId: string;
}

/**
 * Sends one request with `send`, around a fresh signal that follows `parent` and times out
 * after `timeoutMs`, and reads the whole body.
 * Throws TimeoutError, NetworkError, or `parent`'s abort reason.
 * @param honorsSignal `send` is the platform fetch: by the fetch standard an aborted signal
 *   rejects both the request and the body read, so no race against the signal is needed (it
 *   costs a promise, a listener and two races per attempt). A caller's fetch may ignore it.
 */
export async function sendAttempt(
  send: (signal: AbortSignal) => Promise<Response>,
  parent: AbortSignal | undefined,
  timeoutMs: number,
  info: AttemptInfo,
  copy = false,
  honorsSignal = false,
): Promise<Response> {
  // The errors' context is built only when one is raised: this runs on every attempt.
  let status: number | undefined;
  let headers: Headers | undefined;
  const context = (): ErrorOptions => ({
    method: info.method,
    operationId: info.operationId,
    status,
    requestId: headers?.get('x-request-id') ?? undefined,
  });
  const link = linkSignal(parent, timeoutMs, () => new TimeoutError(timeoutMs, context()));
  const { signal } = link;
  // A fetch that ignores its signal must still stop waiting when the attempt is aborted.
  const aborted = honorsSignal ? undefined : whenAborted(signal);
  aborted?.catch(() => {});
  let stage = 'Request';
  try {
    if (signal.aborted) throw signal.reason;
    const response = await until(send(signal), aborted);
    status = response.status;
    headers = response.headers;
    stage = 'Response body';
    if (!copy) {
      // The text is kept beside the Response (read with bodyText): no second Response to build.
      // Like openapi-fetch's own result, the Response handed back has its body consumed.
      let text = '';
      if (response.body) text = await until(response.text(), aborted);
      keepText(response, text);
      return response;
    }
    let bytes: ArrayBuffer | null = null;
    if (response.body) bytes = await until(response.arrayBuffer(), aborted);
    return complete(response, bytes);
  } catch (error) {
    if (signal.aborted) {
      const reason: unknown = signal.reason;
      // The attempt's own timeout: say how far the response had got.
      if (reason instanceof TimeoutError && reason.scope === 'attempt' && !parent?.aborted)
        throw new TimeoutError(timeoutMs, { ...context(), cause: error });
      throw reason;
    }
    if (error instanceof MalformedResponseError) throw error;
    throw new NetworkError(
      `${info.method} ${info.operationId}: ${stage} failed: ${describe(error)}`,
      { ...context(), cause: error },
    );
  } finally {
    link.done();
  }
}

/** `work`, or `aborted`'s rejection if that comes first (no race without an abort promise). */
function until<T>(work: Promise<T>, aborted: Promise<never> | undefined): Promise<T> {
  return aborted ? Promise.race([work, aborted]) : work;
}

/**
 * The body text sendAttempt read, kept on the Response under a private symbol. A WeakMap was the
 * obvious home, but inserting a fresh key into one costs about 4 µs per request (1-2% of a
 * loopback call); a property added the same way to every Response is a cached shape change.
 */
const TEXT = Symbol('minbil.bodyText');
type WithText = Response & { [TEXT]?: string };

function keepText(response: Response, text: string): void {
  (response as WithText)[TEXT] = text;
}

/** The body text sendAttempt already read, or undefined for any other Response. */
export function readText(response: Response): string | undefined {
  return (response as WithText)[TEXT];
}

/** The body of a Response from sendAttempt (already read), or of any other Response. */
export function bodyText(response: Response): Promise<string> {
  const text = readText(response);
  return text === undefined ? response.text() : Promise.resolve(text);
}

/** A Response over bytes already read (for middleware, which may read it again), with the original's status, headers and URL. */
function complete(response: Response, bytes: ArrayBuffer | null): Response {
  const { status } = response;
  // Statuses that must not carry a body (the Response constructor rejects one).
  const empty = status === 204 || status === 205 || status === 304;
  let copy: Response;
  try {
    copy = new Response(empty ? null : bytes, {
      status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (cause) {
    // Status outside 200-599 (a custom fetch): unusable as an HTTP answer.
    throw new MalformedResponseError('response', status, response.headers.get('content-type'), {
      cause,
    });
  }
  if (response.url) Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
