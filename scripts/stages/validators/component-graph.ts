/**
 * The component schemas and the `$ref`s between them: which ones a schema reaches, whether any
 * reached schema says `additionalProperties: false` (then it needs a tolerant variant), and a
 * loud failure on recursion, which the emitter does not support.
 */
import { ValidatorGenerationError } from './errors.ts';
import { childPointer } from './pointer.ts';

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;

export function componentRefName(ref: unknown): string | undefined {
  const match = typeof ref === 'string' ? COMPONENT_REF.exec(ref) : null;
  return match?.[1]
    ? decodeURIComponent(match[1]).replaceAll('~1', '/').replaceAll('~0', '~')
    : undefined;
}

/** Keywords whose values are data, not schemas. */
const DATA_KEYWORDS = new Set(['examples', 'example', 'default', 'const', 'enum']);

/** Keywords whose values map names (property names, not keywords) to schemas. */
const MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

/** Visits every schema object inside a schema, skipping data-valued keywords. */
function walk(node: unknown, visit: (node: Record<string, unknown>) => void, isMap = false): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === 'object' && node !== null) {
    if (!isMap) visit(node as Record<string, unknown>);
    for (const [key, value] of Object.entries(node)) {
      if (!isMap && DATA_KEYWORDS.has(key)) continue;
      walk(value, visit, !isMap && MAP_KEYWORDS.has(key));
    }
  }
}

export function directRefs(schema: unknown): Set<string> {
  const refs = new Set<string>();
  walk(schema, (node) => {
    const name = componentRefName(node.$ref);
    if (name !== undefined) refs.add(name);
  });
  return refs;
}

function forbidsUnknownKeys(schema: unknown): boolean {
  let found = false;
  walk(schema, (node) => {
    if (node.additionalProperties === false) found = true;
  });
  return found;
}

export class ComponentGraph {
  readonly names: readonly string[];
  readonly #schemas: Record<string, unknown>;
  readonly #loose = new Map<string, boolean>();
  readonly #acyclic = new Set<string>();

  constructor(schemas: Record<string, unknown>) {
    this.#schemas = schemas;
    this.names = Object.keys(schemas).sort();
    for (const name of this.names) this.#assertNoCycle(name, []);
  }

  has(name: string): boolean {
    return Object.hasOwn(this.#schemas, name);
  }

  /** True when the tolerant variant of `name` differs from the exact one. */
  needsLooseVariant(name: string): boolean {
    const known = this.#loose.get(name);
    if (known !== undefined) return known;
    const schema = this.#schemas[name];
    const result =
      forbidsUnknownKeys(schema) ||
      [...directRefs(schema)].some((ref) => this.has(ref) && this.needsLooseVariant(ref));
    this.#loose.set(name, result);
    return result;
  }

  #assertNoCycle(name: string, path: string[]): void {
    if (this.#acyclic.has(name)) return;
    if (path.includes(name))
      throw new ValidatorGenerationError(
        '$ref',
        childPointer('#/components/schemas', name),
        `recursive schemas are not supported (${[...path, name].join(' -> ')})`,
      );
    for (const ref of [...directRefs(this.#schemas[name])].sort()) {
      if (this.has(ref)) this.#assertNoCycle(ref, [...path, name]);
    }
    this.#acyclic.add(name);
  }
}
