/**
 * `unevaluatedProperties` and `unevaluatedItems`. The emitter describes statically which members
 * a schema and its in-place subschemas evaluate (`properties`, `patternProperties`, `prefixItems`,
 * …); what depends on the value (an `anyOf`/`oneOf` member, an `if` branch, a `dependentSchemas`
 * entry, `contains`) is decided here by running that subschema, as JSON Schema 2020-12 section
 * 11 defines annotation collection: only subschemas that pass contribute.
 */
import { check } from 'zod/mini';
import type * as core from 'zod/v4/core';
import { isObject, isValid, type Schema } from './keyword-checks.ts';

export interface Evaluated {
  /** Names (properties) evaluated unconditionally. */
  names?: readonly string[];
  patterns?: readonly RegExp[];
  /** Items: the length of `prefixItems`. */
  prefix?: number;
  /** Every member is evaluated (`additionalProperties`, `items`, a nested `unevaluated*`). */
  all?: boolean;
  /** Items matching this `contains` schema. */
  contains?: Schema;
  /** Subschemas evaluated when `when` passes (always when absent). */
  sub?: readonly { when?: Schema; unless?: Schema; key?: string; evaluated: Evaluated }[];
}

function collectNames(e: Evaluated, value: Record<string, unknown>, out: Set<string>): boolean {
  if (e.all) return true;
  for (const name of e.names ?? []) out.add(name);
  if (e.patterns?.length)
    for (const key of Object.keys(value)) if (e.patterns.some((p) => p.test(key))) out.add(key);
  for (const s of e.sub ?? []) {
    if (s.key !== undefined && !Object.hasOwn(value, s.key)) continue;
    if (s.when && !isValid(s.when, value)) continue;
    if (s.unless && isValid(s.unless, value)) continue;
    if (collectNames(s.evaluated, value, out)) return true;
  }
  return false;
}

function collectItems(e: Evaluated, value: unknown[], out: Set<number>): boolean {
  if (e.all) return true;
  for (let i = 0; i < Math.min(e.prefix ?? 0, value.length); i++) out.add(i);
  if (e.contains) value.forEach((item, i) => isValid(e.contains as Schema, item) && out.add(i));
  for (const s of e.sub ?? []) {
    if (s.when && !isValid(s.when, value)) continue;
    if (s.unless && isValid(s.unless, value)) continue;
    if (collectItems(s.evaluated, value, out)) return true;
  }
  return false;
}

function report(
  payload: core.ParsePayload<unknown>,
  schema: Schema,
  value: unknown,
  key: string | number,
): void {
  const result = safe(schema, value);
  for (const issue of result)
    payload.issues.push({ ...issue, path: [key, ...issue.path] } as never);
}

function safe(schema: Schema, value: unknown): core.$ZodIssue[] {
  return isValid(schema, value)
    ? []
    : [
        {
          code: 'custom',
          message: 'Unevaluated member is not allowed here',
          path: [],
          input: value,
        } as never,
      ];
}

/** `unevaluatedProperties: schema`: every property nothing else evaluated must match it. */
export function unevaluatedProperties(
  evaluated: Evaluated,
  schema: Schema,
): core.$ZodCheck<unknown> {
  return check((payload) => {
    const value = payload.value;
    if (!isObject(value)) return;
    const seen = new Set<string>();
    if (collectNames(evaluated, value, seen)) return;
    for (const key of Object.keys(value))
      if (!seen.has(key)) report(payload, schema, value[key], key);
  });
}

/** `unevaluatedItems: schema`. */
export function unevaluatedItems(evaluated: Evaluated, schema: Schema): core.$ZodCheck<unknown> {
  return check((payload) => {
    const value = payload.value;
    if (!Array.isArray(value)) return;
    const seen = new Set<number>();
    if (collectItems(evaluated, value, seen)) return;
    value.forEach((item, i) => seen.has(i) || report(payload, schema, item, i));
  });
}
