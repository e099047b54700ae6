/** Follows local `$ref`s (`#/components/...`) in the bundled spec. */
import { SpecError } from '../../pipeline/spec-error.ts';

type Json = Record<string, unknown>;

export function resolvePointer(spec: object, ref: string): unknown {
  if (!ref.startsWith('#/'))
    throw new SpecError([`mock: only local $refs are supported, got ${ref}`]);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => {
      if (!node || typeof node !== 'object' || !(key in node))
        throw new SpecError([`mock: unresolvable $ref ${ref}`]);
      return (node as Json)[key];
    }, spec);
}

/** The object a node names, following `$ref` chains (siblings of `$ref` are ignored). */
export function deref<T = Json>(spec: object, node: unknown): T {
  let current = node;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && typeof (current as Json).$ref === 'string') {
    const ref = (current as Json).$ref as string;
    if (seen.has(ref)) throw new SpecError([`mock: $ref cycle at ${ref}`]);
    seen.add(ref);
    current = resolvePointer(spec, ref);
  }
  return current as T;
}

/** Property names a schema declares, looking through `$ref` and `allOf`. */
export function schemaProperties(spec: object, schema: unknown, depth = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const node = deref<Json>(spec, schema);
  if (!node || typeof node !== 'object' || depth > 8) return out;
  for (const [name, sub] of Object.entries((node.properties as Json | undefined) ?? {}))
    out.set(name, sub);
  for (const part of (node.allOf as unknown[] | undefined) ?? [])
    for (const [name, sub] of schemaProperties(spec, part, depth + 1)) out.set(name, sub);
  return out;
}
