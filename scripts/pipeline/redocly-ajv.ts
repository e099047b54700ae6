/**
 * Redocly's `AjvValidator` (module `lib/rules/ajv.js` of the pinned @redocly/openapi-core, exported
 * by redocly-core.ts), which its example rules (`no-invalid-media-type-examples`,
 * `no-invalid-schema-examples`, `no-invalid-parameter-examples`) compile schemas with. Redocly exports no hook for it, so the
 * lint's wrappers (example-check/redocly-hook.ts, redocly-example-validators.ts) are set on its
 * prototype's `getValidator`. Where that method is absent (another version), nothing is wrapped
 * and the lint runs as Redocly wrote it.
 */
import { redocly } from './redocly-core.ts';

export type Location = { source: { absoluteRef: string }; absolutePointer: string };
export type Resolve = (node: unknown, from?: string) => { location?: Location; node?: unknown };
/** Ajv's validate function as Redocly calls it: `this` is the rule's context. */
export type ValidateFunction = ((this: unknown, data: unknown, dataCxt?: unknown) => boolean) & {
  errors?: unknown;
};
export type GetValidator = (
  this: unknown,
  schema: unknown,
  loc: Location,
  resolve: Resolve,
  allowAdditionalProperties: boolean,
  dialect: string,
) => ValidateFunction | undefined;

/** Redocly's `AjvValidator.prototype`, or undefined when its `getValidator` is not there. */
export function ajvValidatorPrototype(): { getValidator: GetValidator } | undefined {
  const proto = redocly.AjvValidator?.prototype as { getValidator?: GetValidator } | undefined;
  return typeof proto?.getValidator === 'function'
    ? (proto as { getValidator: GetValidator })
    : undefined;
}
