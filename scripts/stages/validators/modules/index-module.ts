/** `index.ts`: re-exports every schema module and operation module, sorted. */
import { posix } from 'node:path';
import type { ValidatorPlan } from '../plan.ts';
import { exportStar, printModule } from './print.ts';

export function indexModule(plan: ValidatorPlan): string {
  const modules = [
    ...plan.components.flatMap((c) => [c.exact.module, ...(c.loose ? [c.loose.module] : [])]),
    ...plan.operations.map((op) => op.module),
  ].sort();
  return printModule(modules.map((m) => exportStar(`./${posix.relative('generated', m)}`)));
}
