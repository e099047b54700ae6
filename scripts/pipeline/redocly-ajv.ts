/**
 * Redocly's `AjvValidator` (module `lib/rules/ajv.js` of the pinned @redocly/openapi-core), which
 * its example rules (`no-invalid-media-type-examples`, `no-invalid-schema-examples`,
 * `no-invalid-parameter-examples`) compile schemas with. Redocly exports no hook for it, so the
 * lint's wrappers (example-check/redocly-hook.ts, redocly-example-validators.ts) are set on its
 * prototype's `getValidator`. Undefined where that module or method is absent (another version):
 * then nothing is wrapped and the lint runs as Redocly wrote it.
 */
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

let prototype: Promise<{ getValidator: GetValidator } | undefined> | undefined;

export function ajvValidatorPrototype(): Promise<{ getValidator: GetValidator } | undefined> {
  prototype ??= (async () => {
    try {
      const url = new URL('./rules/ajv.js', import.meta.resolve('@redocly/openapi-core'));
      const mod = (await import(url.href)) as {
        AjvValidator?: { prototype: { getValidator?: GetValidator } };
      };
      const proto = mod.AjvValidator?.prototype;
      return typeof proto?.getValidator === 'function'
        ? (proto as { getValidator: GetValidator })
        : undefined;
    } catch {
      return undefined; // another layout of @redocly/openapi-core
    }
  })();
  return prototype;
}
