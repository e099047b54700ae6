/**
 * Which component schemas a piece of the spec can reach, for memo keys that must change whenever
 * anything an output is made of changes (the validators' and the docs' `--watch` memos). Read from
 * JSON text, so nothing is missed by a walker that does not know a keyword: every `$ref`, every
 * string naming `#/components/schemas/…` (a discriminator mapping, a link) and every bare name in
 * a discriminator `mapping`, then the same in each schema reached, transitively.
 */
import { createHash } from 'node:crypto';

const REFS = /"\$ref":"((?:[^"\\]|\\.)*)"/g;
const SCHEMA_STRINGS = /"#\/components\/schemas\/((?:[^"\\/]|\\.)*)/g;
const MAPPINGS = /"mapping":\{([^{}]*)\}/g;
const MAPPING_VALUES = /:"((?:[^"\\]|\\.)*)"/g;
const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)(?:\/|$)/;

/** A JSON string's content, unescaped; a pointer segment decoded (`~1` is `/`, `%20` a space). */
const unjson = (s: string) => JSON.parse(`"${s}"`) as string;
const segment = (s: string) => {
  try {
    return decodeURIComponent(s).replaceAll('~1', '/').replaceAll('~0', '~');
  } catch {
    return s.replaceAll('~1', '/').replaceAll('~0', '~');
  }
};

/** The schema names one JSON text names; undefined when a `$ref` is not accepted by `refOk`. */
function namedIn(text: string, refOk: (ref: string) => boolean): string[] | undefined {
  const out: string[] = [];
  for (const [, raw] of text.matchAll(REFS)) {
    const ref = unjson(raw!);
    if (!refOk(ref)) return undefined;
    const name = SCHEMA_REF.exec(ref)?.[1];
    if (name !== undefined) out.push(segment(name));
  }
  for (const [, raw] of text.matchAll(SCHEMA_STRINGS)) out.push(segment(unjson(raw!)));
  for (const [, body] of text.matchAll(MAPPINGS))
    for (const [, raw] of body!.matchAll(MAPPING_VALUES)) {
      const value = unjson(raw!);
      if (!value.includes('#') && !value.includes('/')) out.push(value);
    }
  return out;
}

/**
 * The names of the component schemas `text` reaches, sorted (only names `schemaText` knows), or
 * undefined when some `$ref` on the way is refused by `refOk` (the caller then keeps nothing).
 * `schemaText(name)` is the JSON text of a component schema; `cache` keeps each schema's names
 * for the other calls of one run.
 */
export function reachedSchemas(
  text: string,
  schemaText: (name: string) => string | undefined,
  refOk: (ref: string) => boolean,
  cache = new Map<string, string[] | undefined>(),
): string[] | undefined {
  const first = namedIn(text, refOk);
  if (!first) return undefined;
  const seen = new Set<string>();
  const queue = [...first];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    const own = schemaText(name);
    if (own === undefined) continue;
    seen.add(name);
    if (!cache.has(name)) cache.set(name, namedIn(own, refOk));
    const next = cache.get(name);
    if (!next) return undefined;
    queue.push(...next);
  }
  return [...seen].sort();
}

/**
 * Memo keys over one run's component schemas: `keyOf(base, own)` hashes `base`, `own` (the JSON
 * text of what an output is made of) and the full JSON text of every schema `own` reaches; it is
 * undefined when `reachedSchemas` gives up. `schemaOf(name)` is a component schema, undefined
 * when there is none; each schema's text and names are computed once per `reachKeys` call.
 */
export function reachKeys(
  schemaOf: (name: string) => unknown,
  refOk: (ref: string) => boolean,
): (base: string, own: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  const names = new Map<string, string[] | undefined>();
  const text = (name: string) => {
    if (!texts.has(name)) {
      const schema = schemaOf(name);
      texts.set(name, schema === undefined ? undefined : (JSON.stringify(schema) ?? ''));
    }
    return texts.get(name);
  };
  return (base, own) => {
    const reached = reachedSchemas(own, text, refOk, names);
    if (!reached) return undefined;
    const hash = createHash('sha256').update(`${base}\0${own}\0`);
    for (const name of reached) hash.update(`${name}\0${text(name)}\0`);
    return hash.digest('hex');
  };
}
