/**
 * `openObject(z.object(shape), rules?)`: a Zod object whose parsed value is the input object with
 * every key (JSON Schema never strips: unknown keys stay, an own `__proto__` key too, which Zod's
 * own copy leaves out), and whose key rules (runtime/keyword-checks.ts `objectRulesFn`) run on the
 * input rather than on Zod's copy. Its type stays `z.object`'s: the declared properties, no index
 * signature, as openapi-typescript writes it (a TypeScript object type admits more keys).
 *
 * Zod has no option for "keep the input"; this wraps the clone's `_zod.parse` (the hook custom
 * Zod types implement), so it is tested on every version bump by the suite and the fuzz.
 */
import { catchall, unknown } from 'zod/mini';
import type * as core from 'zod/v4/core';

type Payload = core.ParsePayload<unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `rules`: keyword-checks.ts `objectRulesFn(...)`, passed in so a plain object does not bundle it.
 * `T extends core.SomeType` (the bound of Zod's own functions) rather than `core.$ZodType`: tsc
 * checks the bound against each generated schema's type, and the full interface made that
 * comparison half of the classic build's type-check on GitHub's spec (1.58M instantiations
 * against 0.79M).
 */
export function openObject<T extends core.SomeType>(
  schema: T,
  rules?: (payload: Payload) => void,
): T {
  const source = schema as unknown as core.$ZodType;
  // A `z.object` keeps unknown keys through its catchall; a `z.record` already does.
  const inst: core.$ZodType =
    source._zod.def.type === 'object'
      ? catchall(source as never, unknown())
      : (source as unknown as { clone(): core.$ZodType }).clone();
  const parse = inst._zod.parse;
  const finish = (result: Payload, input: unknown): Payload => {
    if (!isObject(input)) return result;
    if (Object.hasOwn(input, '__proto__') && isObject(result.value))
      Object.defineProperty(result.value, '__proto__', {
        value: input.__proto__,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    rules?.({ value: input, issues: result.issues });
    return result;
  };
  const patched: typeof parse = (payload, ctx) => {
    const input = payload.value;
    const result = parse(payload, ctx);
    return result instanceof Promise ? result.then((r) => finish(r, input)) : finish(result, input);
  };
  // Without checks Zod's `run` is `parse` itself (see $ZodType's init).
  if (inst._zod.run === parse) inst._zod.run = patched;
  inst._zod.parse = patched;
  return inst as unknown as T;
}
