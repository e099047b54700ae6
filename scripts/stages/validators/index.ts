/**
 * Stage validators: Zod 4 schemas for every component schema and every operation's parameters,
 * request bodies and response bodies, in packages/validators/src/generated/ (one module per
 * schema, an index, the operations table, and a type-equality check against openapi-typescript).
 * Naming: naming.ts. Unknown-key policy: kinds/object.ts. Keyword support: keywords.ts.
 */
import { addDiscriminatorGaps } from './discriminator-gaps.ts';
import type { GeneratedFile, Stage } from '../../pipeline/stage.ts';
import type { ThirdPartyMode } from '../third-party.ts';
import { componentModules, place, type TypeGaps } from './modules/component-module.ts';
import { indexModule } from './modules/index-module.ts';
import { operationModule } from './modules/operation-module.ts';
import { tableModule } from './modules/table-module.ts';
import { typeEqualityModule } from './modules/type-equality-module.ts';
import { emitsMini, validatorsMeta, validatorsVariant } from './meta.ts';
import type { PrintedModule } from './modules/print.ts';
import { planValidators, type ComponentPlan, type OperationPlanned } from './plan.ts';
import {
  componentParts,
  createModuleMemo,
  operationParts,
  type KeptModules,
} from './modules/module-memo.ts';
import { pruneUnsupported } from './prune.ts';

const PACKAGE_SRC = 'packages/validators/src';

/**
 * The stage. `thirdParty`: schemas the emitter cannot generate (recursion, unsupported keywords)
 * are skipped with a warning and unknown formats are not checked; without it they fail the run.
 * The Zod Mini build is emitted in house mode and when `thirdParty.mini` asks for it (meta.ts).
 */
export function createValidatorsStage(thirdParty?: ThirdPartyMode): Stage {
  const withMini = emitsMini(thirdParty);
  return {
    ...validatorsMeta,
    ...validatorsVariant(thirdParty),
    run(ctx): GeneratedFile[] {
      const planned = planValidators(ctx.spec, thirdParty);
      const plan = thirdParty ? pruneUnsupported(planned) : planned;
      const gaps: TypeGaps = new Map();
      const memo = ctx.rerun && !thirdParty ? createModuleMemo(ctx.spec.openapi, plan) : undefined;
      // classic module path -> its Zod Mini twin, printed with it (print.ts, printFlavoured)
      const twins = new Map<string, PrintedModule>();
      const remember = (modules: [string, PrintedModule][]) => {
        for (const [path, module] of modules) if (module.mini) twins.set(path, module.mini);
      };
      /** The Mini modules at these classic paths, when every one has a twin. */
      const twinsAt = (paths: string[]): [string, PrintedModule][] | undefined => {
        const found = paths.map((path) => twins.get(path));
        if (!found.every((m) => m !== undefined)) return undefined;
        return paths.map((path, i) => [place(path, true), found[i]!]);
      };
      const components = (component: ComponentPlan, mini: boolean) => {
        const paths = [
          component.exact.module,
          ...(component.loose ? [component.loose.module] : []),
        ];
        const twin = mini ? twinsAt(paths) : undefined;
        if (twin) return twin;
        const emit = () => {
          const own: TypeGaps = new Map();
          const modules = componentModules(plan.graph, component, own, mini, withMini);
          return { modules, gaps: own.get(component.name) };
        };
        const kept = memo?.get(componentParts(component, mini), emit) ?? emit();
        if (!mini) {
          if (kept.gaps) gaps.set(component.name, kept.gaps);
          remember(kept.modules);
        }
        return kept.modules;
      };
      const operation = (op: OperationPlanned, mini: boolean): [string, PrintedModule] => {
        const twin = mini ? twinsAt([op.module]) : undefined;
        if (twin) return twin[0]!;
        const path = mini ? place(op.module, true) : op.module;
        const emit = (): KeptModules => ({
          modules: [[path, operationModule(plan.graph, op, mini, withMini)]],
        });
        const { modules } = memo?.get(operationParts(op, mini), emit) ?? emit();
        if (!mini) remember(modules);
        return modules[0]!;
      };
      const modules: [string, PrintedModule][] = [
        ...plan.components.flatMap((component) => components(component, false)),
        ...plan.operations.map((op) => operation(op, false)),
        ['generated/index.ts', indexModule(plan)],
        ['generated/operations.ts', tableModule(plan)],
        [
          'generated/type-equality.test-d.ts',
          // (gaps are complete here: componentModules above filled in the emitter's own)
          typeEqualityModule(
            plan,
            withDiscriminatorGaps(ctx.spec, gaps),
            plan.graph.anyReadOnly() || hasReadOnly(ctx.spec.components),
          ),
        ],
      ];
      if (withMini)
        // The Zod Mini build: the same schemas, importing `zod/mini` (no operations table).
        modules.push(
          ...plan.components.flatMap((component) => components(component, true)),
          ...plan.operations.map((op) => operation(op, true)),
          ['generated/mini/index.ts', indexModule(plan)],
        );
      memo?.done();
      return modules
        .map(([path, { text, formatted }]) => ({
          path: `${PACKAGE_SRC}/${path}`,
          content: text,
          formatted,
        }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export const validatorsStage: Stage = createValidatorsStage();

/**
 * Whether any component property is `readOnly` (openapi-typescript types those `readonly`). Asked
 * only when no component schema says it (`anyReadOnly`, from the graph's walk): stringifying all
 * of GitHub's components took 45 ms.
 */
function hasReadOnly(components: unknown): boolean {
  return components !== undefined && /"readOnly":\s*true/.test(JSON.stringify(components));
}

function withDiscriminatorGaps(spec: unknown, gaps: TypeGaps): TypeGaps {
  const all: TypeGaps = new Map(gaps);
  addDiscriminatorGaps(spec, all);
  return all;
}
