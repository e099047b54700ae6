/** `index.ts` (and `mini/index.ts`, same layout): re-exports every schema and operation module. */
import { posix } from 'node:path';
import type { ValidatorPlan } from '../plan.ts';
import { exportStar, printModule, type PrintedModule } from './print.ts';

export function indexModule(plan: ValidatorPlan): PrintedModule {
  const modules = [
    ...plan.components.flatMap((c) => [c.exact.module, ...(c.loose ? [c.loose.module] : [])]),
    ...plan.operations.map((op) => op.module),
  ].sort();
  return printModule(modules.map((m) => exportStar(`./${posix.relative('generated', m)}`)));
}
