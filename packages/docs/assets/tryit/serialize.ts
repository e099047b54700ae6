/**
 * The console's parameter serialization, as OpenAPI defines it (style/explode; the same rules the
 * docs stage uses for snippets, scripts/stages/docs/snippets/serialize.ts: browser code does not
 * import the pipeline). Input text is what the form shows: arrays as comma-separated items,
 * objects as JSON (or `key=value, key=value`), everything else as typed.
 */
import type { TryItParam } from './types.ts';

/** The text a form field starts with for an example value. */
export function fieldText(p: TryItParam, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (p.kind === 'array' && Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Parses what the user typed back into a value of the parameter's kind. */
export function parseField(p: TryItParam, text: string): unknown {
  const t = text.trim();
  if (p.kind === 'array') {
    if (t.startsWith('[')) {
      try {
        const v = JSON.parse(t) as unknown;
        if (Array.isArray(v)) return v;
      } catch {
        // not JSON: read as a list
      }
    }
    return t === '' ? [] : t.split(',').map((s) => s.trim());
  }
  if (p.kind === 'object') {
    try {
      const v = JSON.parse(t) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v;
    } catch {
      // key=value pairs
    }
    return Object.fromEntries(
      t
        .split(',')
        .map((pair) => pair.split('='))
        .filter((kv) => kv[0]?.trim())
        .map(([k, ...v]) => [k!.trim(), v.join('=').trim()]),
    );
  }
  return t;
}

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const enc = (v: unknown, reserved = false) => {
  const s = encodeURIComponent(text(v));
  return reserved
    ? s.replace(/%(3A|2F|3F|23|5B|5D|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi, decodeURIComponent)
    : s;
};
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const delimiter = (style: string) =>
  style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',';

/** Encoded `name=value` query pairs. */
export function queryPairs(p: TryItParam, value: unknown): string[] {
  const name = encodeURIComponent(p.name);
  const e = (v: unknown) => enc(v, p.allowReserved);
  if (Array.isArray(value)) {
    if (!value.length) return [];
    if (p.explode && p.style !== 'deepObject') return value.map((v) => `${name}=${e(v)}`);
    return [`${name}=${value.map(e).join(delimiter(p.style))}`];
  }
  if (isObj(value)) {
    const entries = Object.entries(value);
    if (p.style === 'deepObject')
      return entries.map(([k, v]) => `${name}%5B${encodeURIComponent(k)}%5D=${e(v)}`);
    if (p.explode) return entries.map(([k, v]) => `${encodeURIComponent(k)}=${e(v)}`);
    return [
      `${name}=${entries.flatMap(([k, v]) => [encodeURIComponent(k), e(v)]).join(delimiter(p.style))}`,
    ];
  }
  return [`${name}=${e(value)}`];
}

/** The path segment for `{name}`: simple, label or matrix style. */
export function pathSegment(p: TryItParam, value: unknown): string {
  const name = encodeURIComponent(p.name);
  const list = Array.isArray(value) || isObj(value);
  const items = Array.isArray(value)
    ? value.map((v) => enc(v))
    : isObj(value)
      ? Object.entries(value).map(([k, v]) =>
          p.explode ? `${enc(k)}=${enc(v)}` : `${enc(k)},${enc(v)}`,
        )
      : [enc(value)];
  if (p.style === 'label') return `.${items.join(p.explode && list ? '.' : ',')}`;
  if (p.style === 'matrix') {
    if (isObj(value) && p.explode) return items.map((i) => `;${i}`).join('');
    if (Array.isArray(value) && p.explode) return items.map((i) => `;${name}=${i}`).join('');
    return `;${name}=${items.join(',')}`;
  }
  return items.join(',');
}

/** A header value (simple style), not encoded. */
export function headerValue(p: TryItParam, value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(',');
  if (isObj(value))
    return Object.entries(value)
      .map(([k, v]) => (p.explode ? `${k}=${text(v)}` : `${k},${text(v)}`))
      .join(',');
  return text(value);
}
