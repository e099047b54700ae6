/**
 * Under `--watch` (house mode), the validators stage keeps each module's text for the next save:
 * most saves change one schema, yet every component and operation module was emitted and printed
 * again (about 90 ms per save on Car Owner). A module is emitted again when its key changes:
 *
 * - its own source (the target's schema or parameters, its module path, export names and mode);
 * - the full content of every component schema it reaches (pipeline/reached-schemas.ts: by
 *   `$ref`, by a string naming one, by a bare name in a discriminator mapping), so what it
 *   carries over is never stale;
 * - the run's structure: the spec's version, the plan's names and modules, and every component
 *   schema with its annotations dropped (recursion groups, tolerant variants and the like).
 *
 * A module with a `$ref` anywhere but into `#/components/schemas` is never kept. Third-party
 * mode reports warnings while emitting, which a kept module would not repeat: not kept there.
 * test/validators/module-memo.test.ts compares kept modules with a fresh emit after edits.
 */
import { sha256 } from '../../../pipeline/cache.ts';
import { reachKeys } from '../../../pipeline/reached-schemas.ts';
import { RunMemo } from '../../../pipeline/run-memo.ts';
import { withoutAnnotations } from '../../../pipeline/schema-annotations.ts';
import { componentOf } from '../component-graph.ts';
import type { ComponentPlan, OperationPlanned, SchemaTarget, ValidatorPlan } from '../plan.ts';
import type { PrintedModule } from './print.ts';

export interface KeptModules {
  modules: [string, PrintedModule][];
  gaps?: string[];
}

const kept = new RunMemo<KeptModules>();

export interface ModuleMemo {
  /** The kept modules for `key`'s inputs, or the result of `emit`, kept. */
  get(parts: unknown, emit: () => KeptModules): KeptModules;
  /** Call after the run: what this run did not use is let go after the next. */
  done(): void;
}

const skeleton = (t: SchemaTarget) => ({
  exportName: t.exportName,
  module: t.module,
  mode: t.mode,
  where: 'pointer' in t.source ? t.source.pointer : t.source.location,
});

export function createModuleMemo(openapi: string, plan: ValidatorPlan): ModuleMemo {
  const schemaOf = (name: string) =>
    plan.graph.has(name) ? plan.graph.resolve(ptr(name)) : undefined;
  const structure = sha256(
    JSON.stringify([
      openapi,
      plan.graph.names.map((n) => [n, withoutAnnotations(schemaOf(n))]),
      plan.components.map((c) => [c.name, c.base, skeleton(c.exact), c.loose && skeleton(c.loose)]),
      plan.operations.map((o) => [o.operationId, o.prefix, o.module, o.targets.map(skeleton)]),
    ]),
  );
  const keyOf = reachKeys(schemaOf, (ref) => componentOf(ref) !== undefined);
  return {
    get(parts, emit) {
      const key = keyOf(structure, JSON.stringify(parts));
      return key === undefined ? emit() : kept.get(key, emit);
    },
    done: () => kept.endRun(),
  };
}

const escape = (name: string) => name.replaceAll('~', '~0').replaceAll('/', '~1');
const ptr = (name: string) => `#/components/schemas/${escape(name)}`;

/** What a component's modules are made from (its name, plan entry and flavour). */
export const componentParts = (c: ComponentPlan, mini: boolean) => [
  'component',
  mini,
  c.name,
  c.base,
  skeleton(c.exact),
  c.loose && skeleton(c.loose),
  ptr(c.name), // so the component's own schema is part of the key
];

/** What an operation's module is made from: its targets with their schemas and parameters. */
export const operationParts = (op: OperationPlanned, mini: boolean) => [
  'operation',
  mini,
  op.operationId,
  op.module,
  op.targets.map((t) => [skeleton(t), t.source]),
];
