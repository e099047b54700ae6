/** JSON pointers (RFC 6901) in URI-fragment form, as `$ref` writes them: `#/components/schemas/X`. */
export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  let out = pointer;
  for (const segment of segments) {
    const s = String(segment);
    // most segments need no escape (the emitters build a pointer for every schema node)
    out += `/${s.includes('~') || s.includes('/') ? s.replaceAll('~', '~0').replaceAll('/', '~1') : s}`;
  }
  return out;
}

/** The value a local pointer names in `document`, or undefined. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#')) return undefined;
  const segments = pointer.slice(1).split('/').slice(1);
  let node: unknown = document;
  for (const raw of segments) {
    const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment))
      return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
