/** Follows local `$ref`s (`#/...`) in the bundled spec; the bundle stage guarantees every ref is local. */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';

type MaybeRef<T> = T | OpenAPIV3_1.ReferenceObject;

/** Resolves `value` through any chain of local `$ref`s; `where` names the spot for error messages. */
export function resolveRef<T>(spec: OpenAPIV3_1.Document, value: MaybeRef<T>, where: string): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (isRef(current)) {
    const ref = current.$ref;
    if (!ref.startsWith('#/'))
      throw new Error(`${where}: only local $refs are supported, got ${ref}`);
    // A cycle of pure refs would otherwise spin forever.
    if (seen.has(ref)) throw new Error(`${where}: $ref cycle through ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), spec);
    if (current === undefined) throw new Error(`${where}: $ref ${ref} points nowhere`);
  }
  return current as T;
}

function isRef(value: unknown): value is OpenAPIV3_1.ReferenceObject {
  return isObject(value) && typeof value.$ref === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
