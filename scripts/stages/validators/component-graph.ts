/**
 * The component schemas and the `$ref`s between them: which ones a schema reaches, whether any
 * reached schema says `additionalProperties: false` (then it needs a tolerant variant), and a
 * loud failure on recursion, which the emitter does not support. In third-party mode recursive
 * schemas, and every schema that reaches one, are skipped with a warning instead.
 */
import type { ThirdPartyMode } from '../third-party.ts';
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

export interface GraphOptions {
  /** The schemas come from an OpenAPI 3.0 document (`nullable`). */
  openapi30?: boolean;
  /** Skip what cannot be generated, with a warning, instead of failing (third-party.ts). */
  thirdParty?: ThirdPartyMode;
}

export class ComponentGraph {
  readonly names: readonly string[];
  readonly options: GraphOptions;
  readonly #schemas: Record<string, unknown>;
  readonly #loose = new Map<string, boolean>();
  readonly #acyclic = new Set<string>();
  /** Third-party mode: skipped component -> why. */
  readonly #skipped = new Map<string, string>();
  readonly #refs = new Map<string, string[]>();
  readonly #warned = new Set<string>();

  constructor(schemas: Record<string, unknown>, options: GraphOptions = {}) {
    this.#schemas = schemas;
    this.options = options;
    this.names = Object.keys(schemas).sort();
    if (!options.thirdParty) for (const name of this.names) this.#assertNoCycle(name, []);
    else this.#skipRecursive();
  }

  has(name: string): boolean {
    return Object.hasOwn(this.#schemas, name);
  }

  /** Why `name` was skipped (third-party mode), or undefined when it is generated. */
  skipReason(name: string): string | undefined {
    return this.#skipped.get(name);
  }

  /** Third-party mode: leave `name` out (its dependents are left out as they are emitted). */
  skip(name: string, reason: string): void {
    if (this.#skipped.has(name)) return;
    this.#skipped.set(name, reason);
    this.options.thirdParty?.warn(
      `validators: skipped ${childPointer('#/components/schemas', name)}: ${reason}`,
    );
  }

  /** Third-party mode: reports `line` the first time `key` is seen. */
  warnOnce(key: string, line: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.options.thirdParty?.warn(line);
  }

  /** The component schemas `name` refers to directly, sorted. */
  refsOf(name: string): string[] {
    let refs = this.#refs.get(name);
    if (!refs) {
      refs = [...directRefs(this.#schemas[name])].filter((r) => this.has(r)).sort();
      this.#refs.set(name, refs);
    }
    return refs;
  }

  /** The generated components, each after every component it refers to. */
  dependencyOrder(): string[] {
    const order: string[] = [];
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name) || this.#skipped.has(name)) return;
      seen.add(name);
      for (const ref of this.refsOf(name)) visit(ref);
      order.push(name);
    };
    for (const name of this.names) visit(name);
    return order;
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

  /** Skips every schema on a `$ref` cycle, then every schema that refers to a skipped one. */
  #skipRecursive(): void {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (name: string, path: string[]) => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'open') {
        const cycle = [...path.slice(path.indexOf(name)), name];
        const reason = `recursive schemas are not supported (${cycle.join(' -> ')})`;
        for (const member of cycle) this.skip(member, reason);
        return;
      }
      state.set(name, 'open');
      for (const ref of this.refsOf(name)) visit(ref, [...path, name]);
      state.set(name, 'done');
    };
    for (const name of this.names) visit(name, []);
    let changed = true;
    while (changed) {
      changed = false;
      for (const name of this.names) {
        if (this.#skipped.has(name)) continue;
        const ref = this.refsOf(name).find((r) => this.#skipped.has(r));
        if (ref === undefined) continue;
        this.skip(name, `refers to ${ref}, which is skipped`);
        changed = true;
      }
    }
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
