/**
 * The component schemas and the `$ref`s between them: which ones a schema reaches, whether any
 * reached schema says `additionalProperties: false` (then it needs a tolerant variant), and the
 * recursive groups (strongly connected components): a `$ref` inside its own group is emitted
 * lazily (`z.lazy`), and a recursive schema's export gets an explicit type.
 */
import type { ThirdPartyMode } from '../third-party.ts';
import { childPointer, resolvePointer } from '../../pipeline/json-pointer.ts';

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;
const INTO_COMPONENT = /^#\/components\/schemas\/([^/]+)(?:\/|$)/;

const unescape = (segment: string) =>
  decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');

/** `#/components/schemas/<name>` -> name. */
export function componentRefName(ref: unknown): string | undefined {
  const match = typeof ref === 'string' ? COMPONENT_REF.exec(ref) : null;
  return match?.[1] ? unescape(match[1]) : undefined;
}

/** The component a local `$ref` points into (`#/components/schemas/A/$defs/b` -> A). */
export function componentOf(ref: unknown): string | undefined {
  const match = typeof ref === 'string' ? INTO_COMPONENT.exec(ref) : null;
  return match?.[1] ? unescape(match[1]) : undefined;
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

/** What one walk of a component's own schema finds (the `$ref`s it follows are not entered). */
interface OwnFacts {
  /** The components its local `$ref`s point into. */
  refs: Set<string>;
  /** It says `additionalProperties: false` somewhere. */
  forbidsKeys: boolean;
  /** It says `readOnly: true` somewhere. */
  readOnly: boolean;
  /** It has a local `$ref` outside the components, which the graph does not follow. */
  outsideRef: boolean;
}

function ownFacts(schema: unknown): OwnFacts {
  const facts: OwnFacts = {
    refs: new Set(),
    forbidsKeys: false,
    readOnly: false,
    outsideRef: false,
  };
  walk(schema, (node) => {
    if (node.additionalProperties === false) facts.forbidsKeys = true;
    if (node.readOnly === true) facts.readOnly = true;
    if (typeof node.$ref !== 'string') return;
    const name = componentOf(node.$ref);
    if (name !== undefined) facts.refs.add(name);
    else facts.outsideRef = true;
  });
  return facts;
}

export interface GraphOptions {
  /** The schemas come from an OpenAPI 3.0 document (`nullable`). */
  openapi30?: boolean;
  /** Skip what cannot be generated, with a warning, instead of failing (third-party.ts). */
  thirdParty?: ThirdPartyMode;
  /** The whole document, for local `$ref`s that point inside a component. */
  document?: unknown;
}

export class ComponentGraph {
  readonly names: readonly string[];
  readonly options: GraphOptions;
  readonly #schemas: Record<string, unknown>;
  readonly #loose = new Map<string, boolean>();
  /** Each component's own facts, from one walk (on GitHub's spec three walks took 130 ms). */
  readonly #facts = new Map<string, OwnFacts>();
  readonly #readOnly = new Map<string, boolean>();
  /** Third-party mode: skipped component -> why. */
  readonly #skipped = new Map<string, string>();
  readonly #refs = new Map<string, string[]>();
  readonly #warned = new Set<string>();

  constructor(schemas: Record<string, unknown>, options: GraphOptions = {}) {
    this.#schemas = schemas;
    this.options = options;
    this.names = Object.keys(schemas).sort();
    this.#findGroups();
  }

  readonly #group = new Map<string, number>();
  readonly #recursive = new Set<string>();

  /** True when `from` and `to` are in one recursive group: the `$ref` must be lazy. */
  sameGroup(from: string, to: string): boolean {
    return this.#group.get(from) === this.#group.get(to) && this.#recursive.has(to);
  }

  /** True when `name` reaches itself through `$ref`s. */
  isRecursive(name: string): boolean {
    return this.#recursive.has(name);
  }

  /** Tarjan's strongly connected components, iterative (GitHub's spec nests deeply). */
  #findGroups(): void {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    let counter = 0;
    let groups = 0;
    for (const root of this.names) {
      if (index.has(root)) continue;
      const work: [string, number][] = [[root, 0]];
      index.set(root, counter);
      low.set(root, counter++);
      stack.push(root);
      onStack.add(root);
      while (work.length > 0) {
        const top = work[work.length - 1] as [string, number];
        const [name, i] = top;
        const refs = this.refsOf(name);
        if (i < refs.length) {
          top[1]++;
          const next = refs[i] as string;
          if (!index.has(next)) {
            index.set(next, counter);
            low.set(next, counter++);
            stack.push(next);
            onStack.add(next);
            work.push([next, 0]);
          } else if (onStack.has(next))
            low.set(name, Math.min(low.get(name) as number, index.get(next) as number));
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent)
          low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(name) as number));
        if (low.get(name) !== index.get(name)) continue;
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          members.push(member);
          this.#group.set(member, groups);
        } while (member !== name);
        groups++;
        if (members.length > 1 || this.refsOf(name).includes(name))
          for (const m of members) this.#recursive.add(m);
      }
    }
  }

  readonly #bases = new Map<string, string>();

  /** The identifier base plan.ts chose for a component (naming.ts, made unique). */
  baseOf(name: string): string {
    const base = this.#bases.get(name);
    if (base === undefined) throw new Error(`no identifier base for component ${name}`);
    return base;
  }

  setBase(name: string, base: string): void {
    this.#bases.set(name, base);
  }

  /** The node a local pointer names in the document. */
  resolve(pointer: string): unknown {
    return resolvePointer(
      this.options.document ?? { components: { schemas: this.#schemas } },
      pointer,
    );
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
      refs = [...this.#own(name).refs].filter((r) => this.has(r)).sort();
      this.#refs.set(name, refs);
    }
    return refs;
  }

  #own(name: string): OwnFacts {
    let facts = this.#facts.get(name);
    if (facts === undefined) this.#facts.set(name, (facts = ownFacts(this.#schemas[name])));
    return facts;
  }

  /** True when some component schema says `readOnly: true`. */
  anyReadOnly(): boolean {
    return this.names.some((name) => this.#own(name).readOnly);
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

  /** True when the tolerant variant of `name` differs: it reaches `additionalProperties: false`. */
  needsLooseVariant(name: string): boolean {
    return this.#reaches(name, this.#loose, (next) => this.#own(next).forbidsKeys);
  }

  /**
   * True when `name` reaches a `readOnly: true` schema (openapi-typescript types those
   * properties `readonly`), or a local `$ref` outside the components, which is not followed here.
   */
  reachesReadOnly(name: string): boolean {
    return this.#reaches(name, this.#readOnly, (next) => {
      const own = this.#own(next);
      return own.readOnly || own.outsideRef;
    });
  }

  /** Whether `name` or a component it reaches has `own`, remembered per component in `memo`. */
  #reaches(name: string, memo: Map<string, boolean>, own: (name: string) => boolean): boolean {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const seen = new Set<string>([name]);
    const queue = [name];
    let result = false;
    while (queue.length > 0 && !result) {
      const next = queue.pop() as string;
      if (memo.get(next) === true || own(next)) result = true;
      for (const ref of this.refsOf(next)) if (!seen.has(ref)) (seen.add(ref), queue.push(ref));
    }
    memo.set(name, result);
    return result;
  }
}
