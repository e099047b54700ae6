/**
 * Whether Redocly's bundle would leave a spec exactly as it is, learnt from the lint's own walk
 * so that the bundle's walk can be skipped (Stripe's spec: 120 ms of resolving and walking the
 * 4 MB document again; GitHub's: 350 ms). The lint and the bundle walk the same document with the
 * same types and `$ref` resolution; a rule added to the lint (it reports nothing) sees every node
 * the bundle's visitor (bundle/bundle-visitor.js in @redocly/openapi-core) acts on and marks the
 * spec as changed wherever that visitor could write:
 * - a `$ref` it would rewrite: one that does not resolve, one whose target (or the composed
 *   `$ref` in its chain) lies in another file, or one written with a file part
 *   (`openapi.yaml#/x`, made `#/x`). A local `$ref` where the types expect a scalar (an
 *   `example: {$ref}`), which the bundle inlines, is inlined here the same way (`replaceRef`);
 * - an Example with an `externalValue` (inlined), a root without `components` (the bundle adds
 *   an empty one);
 * - a discriminator `mapping` or `defaultMapping` value the bundle would rewrite: it saves each
 *   value's target as a schema component and writes `#/components/schemas/<name>` in its place
 *   (bundle-visitor.js `saveComponent`), which is the value itself only where the value already
 *   is that name of a component of the root file.
 * GitHub's REST spec has both a mapping to its own components and one `example: {$ref}`; its
 * bundle (750–870 ms) ran for those alone.
 * A decorator or preprocessor in the config (the bundle runs them) counts as a change too. So a
 * split spec (Car Owner's) is always bundled; a one-file spec with local `$ref`s usually is not.
 * test/pipeline/bundle-watch.test.ts compares the outcome with Redocly's bundle on every fixture.
 */
import type { Config } from '@redocly/openapi-core';
import { redocly } from './redocly-core.ts';

const RULE = 'minbil/bundle-watch';

type Node = Record<string, unknown>;
type Source = unknown;
interface Resolved {
  node?: unknown;
  location?: { source: Source; pointer: string };
  chain?: { node?: unknown; location: { source: Source; pointer: string } }[];
}
interface VisitContext {
  location: { source: Source };
  type: { name: string };
  parent?: unknown;
  key?: string | number;
  resolve(node: { $ref: string }): Resolved;
}

/** A `$ref` where the types expect a scalar, and its target: the bundle inlines it. */
interface Inline {
  ref: Node;
  node: unknown;
  parent: unknown;
  key: string | number | undefined;
}

const isPlainObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the bundle's `replaceRef` (ref-utils.js) does to such a `$ref`. */
function inline({ ref, node, parent, key }: Inline): void {
  if (!isPlainObject(node) && parent) {
    (parent as Record<string | number, unknown>)[key as string | number] = node;
    return;
  }
  delete ref.$ref;
  if (isPlainObject(node)) Object.assign(ref, { ...node, ...ref });
}

/** The target the bundle acts on (its `effectiveRefTarget`): the first hop of a chain of `$ref`s. */
const effectiveTarget = (resolved: Resolved) => resolved.chain?.[0] ?? resolved;

const SCHEMAS = '#/components/schemas/';
/** A component name that is its own JSON pointer segment (no `~` or `%` escape to undo). */
const PLAIN_NAME = /^[\w.-]+$/;

export interface BundleWatch {
  /** The config to lint with: the API's, plus the watching rule. */
  config: Config;
  /**
   * After the lint: the document as the bundle would return it, or undefined where only the bundle
   * can make it. It is the parsed document itself, with the one edit the bundle would make to a
   * one-file spec made here too: a `$ref` where the types expect a scalar, inlined.
   */
  unchanged(): object | undefined;
}

/** Whether the config turns on a decorator or preprocessor for this spec version (`oas3_1`, …). */
function runsTransforms(config: Config, version: string): boolean {
  const major = redocly.getMajorSpecVersion(version as never);
  return config.plugins.some((plugin) =>
    (['decorators', 'preprocessors'] as const).some((kind) =>
      Object.keys(plugin[kind]?.[major as 'oas3'] ?? {}).some((id) => {
        const settings =
          kind === 'decorators'
            ? config.getDecoratorSettings(id, version as never)
            : config.getPreprocessorSettings(id, version as never);
        return settings.severity !== 'off';
      }),
    ),
  );
}

export function watchBundle(apiConfig: Config): BundleWatch {
  let root: Node | undefined;
  let rootSource: Source;
  let changed = false;
  const inlines: Inline[] = [];
  const visitor = {
    Root: {
      enter(node: Node, ctx: VisitContext) {
        root = node;
        rootSource = ctx.location.source;
        if (!node || typeof node !== 'object' || node.components === undefined) changed = true;
      },
    },
    ref: {
      leave(node: Node, ctx: VisitContext, resolved: Resolved) {
        if (changed) return;
        const target = effectiveTarget(resolved);
        changed =
          resolved.node === undefined ||
          target.location?.source !== rootSource ||
          ctx.location.source !== rootSource ||
          typeof node.$ref !== 'string' ||
          !node.$ref.startsWith('#');
        // where the types expect a scalar the bundle inlines the target; the same edit is kept
        // for unchanged() (GitHub's spec has one such `example`, which made its bundle run)
        if (!changed && ctx.type.name === 'scalar')
          inlines.push({ ref: node, node: target.node, parent: ctx.parent, key: ctx.key });
      },
    },
    Example: {
      leave(node: Node) {
        if (node.externalValue !== undefined) changed = true;
      },
    },
    Discriminator: {
      leave(node: Node, ctx: VisitContext) {
        if (changed) return;
        const mapping = node.mapping;
        const values = mapping && typeof mapping === 'object' ? Object.values(mapping as Node) : [];
        changed = [...values, node.defaultMapping].some((value) => rewritten(value, ctx));
      },
    },
  };
  /** Whether the bundle would write another value (or a new component) for this mapping value. */
  const rewritten = (value: unknown, ctx: VisitContext): boolean => {
    // a value that is not a reference (a bare schema name, or none) is left as it is
    if (!redocly.isMappingRef(value as string)) return false;
    const ref = value as string;
    const name = ref.slice(SCHEMAS.length);
    if (!ref.startsWith(SCHEMAS) || !PLAIN_NAME.test(name)) return true;
    const resolved = ctx.resolve({ $ref: ref });
    const target = effectiveTarget(resolved);
    const schemas = (root?.components as Node | undefined)?.schemas as Node | undefined;
    return (
      resolved.node === undefined ||
      ctx.location.source !== rootSource ||
      target.location?.source !== rootSource ||
      target.location?.pointer !== ref ||
      schemas?.[name] === undefined ||
      schemas[name] !== target.node
    );
  };
  const config = Object.create(apiConfig) as Config;
  // the rule sets of every spec version are one type to Redocly's declarations, not an array's
  config.getRulesForSpecVersion = ((version) => [
    ...apiConfig.getRulesForSpecVersion(version),
    { [RULE]: () => visitor },
  ]) as Config['getRulesForSpecVersion'];
  config.getRuleSettings = (id, version) =>
    id === RULE ? { severity: 'warn' } : apiConfig.getRuleSettings(id, version);
  return {
    config,
    unchanged() {
      if (changed || !root) return undefined;
      if (runsTransforms(apiConfig, redocly.detectSpec(root))) return undefined;
      for (const edit of inlines.splice(0)) inline(edit); // once, however often it is asked
      return root;
    },
  };
}
