/** The real spec, the stage's plan for it, and the committed generated package, side by side. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as z from 'zod';
import * as generated from '../../../packages/validators/src/generated/index.ts';
import { planValidators, type SchemaTarget } from '../../../scripts/stages/validators/plan.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const spec = JSON.parse(readFileSync(`${ROOT}/generated/openapi.json`, 'utf8')) as Record<
  string,
  unknown
>;
export const plan = planValidators(spec as never);

export interface LoadedTarget extends SchemaTarget {
  zod: z.ZodType;
}

export function allTargets(): LoadedTarget[] {
  const list = [
    ...plan.components.flatMap((c) => [c.exact, ...(c.loose ? [c.loose] : [])]),
    ...plan.operations.flatMap((op) => op.targets),
  ];
  return list.map((target) => {
    const zod = (generated as Record<string, unknown>)[target.exportName] as z.ZodType | undefined;
    if (!zod) throw new Error(`${target.exportName} is not exported: run pnpm generate`);
    return { ...target, zod };
  });
}

/** One target per distinct (Zod schema, mode): operation bodies that re-export a component repeat it. */
export function distinctTargets(): LoadedTarget[] {
  const seen = new Set<z.ZodType>();
  return allTargets().filter((t) => (seen.has(t.zod) ? false : (seen.add(t.zod), true)));
}
