/**
 * The component schemas a mock module's request schemas reach. Ajv only compiles what an exported
 * validator reaches, but registering a schema (`addSchema`) already walks it and checks it
 * against the meta-schema: on GitHub's spec, whose 969 components are mostly response shapes,
 * registering all of them in both modules was a third of the mock stage. So each module registers
 * the components its schemas reach, and all of them wherever reach is not plain to see.
 */
import { COMPONENT_ID } from './schema-prep.ts';

/** Keywords that name a schema another way than a component `$ref` (then every component is kept). */
const OTHER_NAMES = new Set(['$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveRef']);

/**
 * The names of the components `roots` reach through `$ref`s of the form `<COMPONENT_ID><name>`,
 * transitively, in `prepared`'s order; undefined (keep them all) when a schema on the way has
 * another kind of reference: a `$ref` that is neither that nor local (`#…`), one to a name
 * `prepared` does not have, or an `$id`/anchor that a `$ref` could name.
 */
export function reachedComponents(
  prepared: ReadonlyMap<string, unknown>,
  roots: readonly unknown[],
): string[] | undefined {
  const reached = new Set<string>();
  const queue: unknown[] = [...roots];
  let plain = true;
  const visit = (node: unknown): void => {
    if (!plain || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (OTHER_NAMES.has(key)) plain = false;
      else if (key === '$ref' && typeof value === 'string') refTo(value);
      else visit(value);
    }
  };
  const refTo = (ref: string): void => {
    if (ref.startsWith('#')) return;
    const name = ref.startsWith(COMPONENT_ID) ? ref.slice(COMPONENT_ID.length) : undefined;
    if (name === undefined || !prepared.has(name)) plain = false;
    else if (!reached.has(name)) {
      reached.add(name);
      queue.push(prepared.get(name));
    }
  };
  while (queue.length && plain) visit(queue.pop());
  return plain ? [...prepared.keys()].filter((name) => reached.has(name)) : undefined;
}
