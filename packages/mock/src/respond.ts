/** Turns documented responses into `Response` objects: media type, headers, example body. */
import type { ResponseSpec, RouteSpec } from './route-spec.ts';

export function findResponse(route: RouteSpec, status: number): ResponseSpec | undefined {
  return route.responses.find((r) => r.status === status);
}

/** A deep copy, so callers can change an example without changing the table. */
export function exampleValue(response: ResponseSpec, name?: string): unknown {
  const example = name ? response.examples.find((e) => e.name === name) : response.examples[0];
  return example === undefined ? undefined : structuredClone(example.value);
}

export interface Reply {
  status: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export function toResponse({ status, body, contentType, headers = {} }: Reply): Response {
  const bodiless = status === 204 || status === 304 || body === undefined;
  const all = new Headers(headers);
  if (!bodiless) all.set('content-type', contentType ?? 'application/json');
  return new Response(bodiless ? null : JSON.stringify(body), { status, headers: all });
}

/** The documented response for `status`, with its (named or first) example and headers. */
export function documentedReply(route: RouteSpec, status: number, exampleName?: string): Reply {
  const response = findResponse(route, status);
  if (!response) throw new Error(`${route.operationId} documents no ${status}`);
  const reply: Reply = { status, headers: { ...response.headers } };
  const body = exampleValue(response, exampleName);
  if (response.contentType && body !== undefined) {
    reply.body = body;
    reply.contentType = response.contentType;
  }
  return reply;
}
