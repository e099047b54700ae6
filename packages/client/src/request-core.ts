/**
 * Builds one call's Request with openapi-fetch's serialization (serializers.ts: path, query, body, headers),
 * runs openapi-fetch-style middleware once per call, and parses the (already complete) response
 * the way openapi-fetch 0.17 does. We keep this loop rather than `createClient()`'s: that one
 * builds a second Request per call, copies unknown init keys onto it and is a third of the
 * bundle, while retries, timeouts and body reading live in our fetch (transport.ts) anyway.
 */
import type { HeadersOptions, Middleware, MiddlewareCallbackParams } from 'openapi-fetch';
import { bodyText, readText } from './attempt.ts';
import { fillPath, mergeHeaders, serializeBody } from './serializers.ts';
import { outgoingFromInit, outgoingFromRequest, type Outgoing } from './transport.ts';

type Params = {
  query?: Record<string, unknown>;
  path?: Record<string, unknown>;
  header?: HeadersOptions;
};

export interface CoreCall {
  method: string;
  /** The spec path, e.g. `/vehicles/{registration_number}`. */
  path: string;
  params: Params | undefined;
  body: unknown;
  headers: HeadersOptions | undefined;
  /** RequestInit fields the caller passed (cache, credentials, duplex...). */
  init: Record<string, unknown>;
  querySerializer: (query: Record<string, unknown>) => string;
  bodySerializer?: ((body: unknown, headers?: Headers) => unknown) | undefined;
  /** Whether the body can be sent again (not a ReadableStream). */
  replayable: boolean;
  fetch: (request: Outgoing) => Promise<Response>;
}

export interface CoreResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export function createCore(baseUrl: string, baseHeaders: HeadersOptions | undefined) {
  const middlewares: Middleware[] = [];

  async function send(call: CoreCall): Promise<CoreResult> {
    const { method, path, params = {}, body, headers, querySerializer, fetch } = call;
    const bodySerializer = call.bodySerializer ?? serializeBody;
    const serialized =
      body === undefined
        ? undefined
        : bodySerializer(body, mergeHeaders(baseHeaders, headers, params.header));
    const isForm =
      serialized !== undefined && typeof FormData !== 'undefined' && serialized instanceof FormData;
    const finalHeaders = mergeHeaders(
      serialized === undefined || isForm ? {} : { 'Content-Type': 'application/json' },
      baseHeaders,
      headers,
      params.header,
    );
    // The multipart boundary only exists if fetch writes the Content-Type itself.
    if (isForm) finalHeaders.delete('content-type');
    // openapi-fetch's createFinalURL: a serializer's leading '?' is dropped.
    let url = baseUrl + (params.path ? fillPath(path, params.path) : path);
    let query = querySerializer(params.query ?? {});
    if (query.startsWith('?')) query = query.slice(1);
    if (query) url += `?${query}`;
    // Built key by key: an object literal mixing fields and a spread takes V8's slow path.
    const init: RequestInit & { headers: Headers } = { redirect: 'follow', headers: finalHeaders };
    for (const name in call.init)
      (init as unknown as Record<string, unknown>)[name] = call.init[name];
    init.method = method;
    init.body = serialized as BodyInit | undefined;
    init.headers = finalHeaders;
    // Without middleware no Request is built here: the transport builds one per attempt.
    if (middlewares.length === 0) return parse(await fetch(outgoingFromInit(url, init)), method);
    let request = new Request(url, init);
    let response: Response | undefined;
    const hooks = {
      schemaPath: path,
      params,
      id: Math.random().toString(36).slice(2, 11),
      options: Object.freeze({ baseUrl, parseAs: 'json', querySerializer, bodySerializer }),
    } as Omit<MiddlewareCallbackParams, 'request'>;
    for (const m of middlewares) {
      const result = await m.onRequest?.({ ...hooks, request });
      if (result instanceof Request) request = result;
      else if (result instanceof Response) {
        response = result;
        break;
      } else if (result) throw new Error('onRequest: must return new Request() or Response()');
    }
    if (!response) {
      try {
        response = await fetch(outgoingFromRequest(request, call.replayable));
      } catch (error) {
        let failure: unknown = error;
        for (const m of [...middlewares].reverse()) {
          const result = await m.onError?.({ ...hooks, request, error: failure });
          if (result instanceof Response) {
            response = result;
            break;
          }
          if (result instanceof Error) failure = result;
          else if (result) throw new Error('onError: must return new Response() or an Error');
        }
        if (!response) throw failure;
      }
      for (const m of [...middlewares].reverse()) {
        const result: Response | undefined | void = await m.onResponse?.({
          ...hooks,
          request,
          response: response!,
        });
        if (result instanceof Response) response = result;
        else if (result) throw new Error('onResponse: must return new Response()');
      }
    }
    return parse(response, method);
  }

  return {
    send,
    use(...added: Middleware[]) {
      for (const m of added) if (m) middlewares.push(m);
    },
    eject(...removed: Middleware[]) {
      for (const m of removed) {
        const i = middlewares.indexOf(m);
        if (i !== -1) middlewares.splice(i, 1);
      }
    },
  };
}

/**
 * openapi-fetch 0.17's reading: no body for 204, HEAD and `Content-Length: 0`; JSON otherwise.
 * Synchronous when the transport has already read the body (the common case: one async frame
 * and one await fewer per call).
 */
function parse(response: Response, method: string): CoreResult | Promise<CoreResult> {
  if (response.status === 204 || method === 'HEAD') return nothing(response);
  const known = readText(response);
  return known === undefined
    ? bodyText(response).then((text) => fromText(response, text))
    : fromText(response, known);
}

function fromText(response: Response, text: string): CoreResult {
  // A non-empty body cannot have come with `Content-Length: 0`: the headers are read only for
  // an empty one (a lookup per call is not free).
  if (!text && isEmptyByHeaders(response.headers)) return nothing(response);
  if (response.ok) return { data: text ? JSON.parse(text) : undefined, response };
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}

function nothing(response: Response): CoreResult {
  return response.ok ? { data: undefined, response } : { error: undefined, response };
}

function isEmptyByHeaders(headers: Headers): boolean {
  return (
    headers.get('content-length') === '0' && !headers.get('transfer-encoding')?.includes('chunked')
  );
}
