/**
 * URL, header and body serialization, byte-for-byte what openapi-fetch 0.17's exported
 * serializers produce for OpenAPI's path (`{name}`, style simple) and query styles (form,
 * spaceDelimited, pipeDelimited, deepObject), in a third of the bytes: openapi-fetch's also cover
 * its own `{.name}` / `{;name}` / `{name*}` path extensions, which OpenAPI paths do not use.
 * test/client/serializers.test.ts checks the output against openapi-fetch's over a matrix.
 */
import type { HeadersOptions } from 'openapi-fetch';

const enc = encodeURIComponent;

/** `name=value`; null/undefined give '' (openapi-fetch joins it as an empty part). */
function pair(name: string, value: unknown): string {
  if (value == null) return '';
  if (typeof value == 'object')
    throw new Error(
      'Deeply-nested arrays/objects aren’t supported. Provide your own `querySerializer()` to handle these.',
    );
  return `${name}=${enc(value as string)}`;
}

/** One query parameter, as its OpenAPI `style` and `explode` say (arrays, objects, primitives). */
export function queryParam(name: string, value: unknown, style: string, explode: boolean): string {
  if (Array.isArray(value)) {
    if (explode) return value.map((item) => pair(name, item)).join('&');
    const sep = style == 'spaceDelimited' ? '%20' : style == 'pipeDelimited' ? '|' : ',';
    return `${name}=${value.map(enc).join(sep)}`;
  }
  if (value && typeof value == 'object') {
    const entries = Object.entries(value);
    if (style != 'deepObject' && !explode) {
      const flat = entries.map(([k, v]) => `${k},${enc(v as string)}`).join(',');
      return style == 'form' ? `${name}=${flat}` : flat;
    }
    const key = (k: string) => (style == 'deepObject' ? `${name}[${k}]` : k);
    return entries.map(([k, v]) => pair(key(k), v)).join('&');
  }
  return `${name}=${enc(String(value))}`;
}

/** Fills `{name}` path templates (style simple): `a,b` for arrays, `k,v` for objects. */
export function fillPath(path: string, values: Record<string, unknown>): string {
  return path.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value == null) return whole;
    if (Array.isArray(value)) return value.map(enc).join(',');
    if (typeof value == 'object')
      return Object.entries(value)
        .map(([k, v]) => `${k},${enc(v as string)}`)
        .join(',');
    return enc(value as string);
  });
}

/** Later sources win; `null` removes a header, an array appends each value. */
export function mergeHeaders(...sources: (HeadersOptions | undefined)[]): Headers {
  const headers = new Headers();
  for (const source of sources) {
    if (!source || typeof source != 'object') continue;
    for (const [name, value] of source instanceof Headers
      ? source.entries()
      : Object.entries(source)) {
      if (value === null) headers.delete(name);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v as string);
      else if (value !== undefined) headers.set(name, value as string);
    }
  }
  return headers;
}

/** FormData as is, URL-encoded for that Content-Type, JSON otherwise. */
export function serializeBody(body: unknown, headers: Headers): unknown {
  if (body instanceof FormData) return body;
  return headers.get('content-type') == 'application/x-www-form-urlencoded'
    ? new URLSearchParams(body as Record<string, string>).toString()
    : JSON.stringify(body);
}
