/**
 * Parameter serialization as OpenAPI defines it (`style`, `explode`, `allowReserved`; RFC 6570
 * for path/header, `form`/`spaceDelimited`/`pipeDelimited`/`deepObject` for query, `form` for
 * cookies). Snippets use it, so `expand: [co, ws]` with `explode: false` becomes `expand=co,ws`.
 * The browser console has its own copy of these rules (packages/docs/assets/tryit/serialize.ts):
 * browser code never imports the pipeline.
 */

export type ParamIn = 'path' | 'query' | 'header' | 'cookie';

export interface ParamStyle {
  name: string;
  in: ParamIn;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

/** The spec's style, or the default for the location (`form` for query/cookie, `simple` else). */
export const styleOf = (p: ParamStyle): string =>
  p.style ?? (p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple');
/** `explode` defaults to true for `form` style only. */
export const explodeOf = (p: ParamStyle): boolean => p.explode ?? styleOf(p) === 'form';

const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Percent-encodes a value; with `allowReserved`, RFC 3986 reserved characters stay literal. */
function encode(v: unknown, allowReserved = false): string {
  const s = encodeURIComponent(text(v));
  return allowReserved
    ? s.replace(/%(3A|2F|3F|23|5B|5D|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi, (m) =>
        decodeURIComponent(m),
      )
    : s;
}

/** Query pairs, already encoded (`name=value` each); joined with `&` they make the query string. */
export function serializeQuery(p: ParamStyle, value: unknown): string[] {
  const style = styleOf(p);
  const explode = explodeOf(p);
  const name = encodeURIComponent(p.name);
  const enc = (v: unknown) => encode(v, p.allowReserved);
  if (Array.isArray(value)) {
    if (explode && style !== 'deepObject') return value.map((v) => `${name}=${enc(v)}`);
    const sep = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',';
    return [`${name}=${value.map(enc).join(sep)}`];
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (style === 'deepObject')
      return entries.map(([k, v]) => `${name}%5B${encodeURIComponent(k)}%5D=${enc(v)}`);
    if (explode) return entries.map(([k, v]) => `${encodeURIComponent(k)}=${enc(v)}`);
    const sep = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',';
    return [`${name}=${entries.flatMap(([k, v]) => [encodeURIComponent(k), enc(v)]).join(sep)}`];
  }
  return [`${name}=${enc(value)}`];
}

/** A path segment for `{name}` (`simple`, `label` or `matrix` style), encoded. */
export function serializePath(p: ParamStyle, value: unknown): string {
  const style = styleOf(p);
  const explode = explodeOf(p);
  const name = encodeURIComponent(p.name);
  const items: string[] = Array.isArray(value)
    ? value.map((v) => encode(v))
    : isPlainObject(value)
      ? Object.entries(value).map(([k, v]) =>
          explode ? `${encode(k)}=${encode(v)}` : `${encode(k)},${encode(v)}`,
        )
      : [encode(value)];
  const isList = Array.isArray(value) || isPlainObject(value);
  if (style === 'label') return `.${items.join(explode && isList ? '.' : ',')}`;
  if (style === 'matrix') {
    if (isPlainObject(value) && explode) return items.map((i) => `;${i}`).join('');
    if (Array.isArray(value) && explode) return items.map((i) => `;${name}=${i}`).join('');
    return `;${name}=${items.join(',')}`;
  }
  return items.join(',');
}

/** A header value (`simple` style): arrays comma-joined, objects `k,v` or `k=v` pairs. Not encoded. */
export function serializeHeader(p: ParamStyle, value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(',');
  if (isPlainObject(value))
    return Object.entries(value)
      .map(([k, v]) => (explodeOf(p) ? `${k}=${text(v)}` : `${k},${text(v)}`))
      .join(',');
  return text(value);
}

/** One `name=value` cookie pair (`form` style); exploded arrays repeat the pair. */
export function serializeCookie(p: ParamStyle, value: unknown): string[] {
  const enc = (v: unknown) => encodeURIComponent(text(v));
  if (Array.isArray(value))
    return explodeOf(p)
      ? value.map((v) => `${p.name}=${enc(v)}`)
      : [`${p.name}=${value.map(enc).join(',')}`];
  if (isPlainObject(value))
    return explodeOf(p)
      ? Object.entries(value).map(([k, v]) => `${k}=${enc(v)}`)
      : [
          `${p.name}=${Object.entries(value)
            .flatMap(([k, v]) => [k, enc(v)])
            .join(',')}`,
        ];
  return [`${p.name}=${enc(value)}`];
}
