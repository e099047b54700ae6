/**
 * Checks for the JSON Schema keywords Zod has no schema for: they run on the input value (not on
 * Zod's parsed copy, which leaves out an own `__proto__` key), apply only to values of their JSON
 * type, and report the issues of the subschemas they apply with the path of the offending member.
 * Imported from `zod/mini` so the Mini build does not pull in classic Zod.
 */
import { check, safeParse } from 'zod/mini';
import type * as core from 'zod/v4/core';
import { jsonEqual } from './json-equal.ts';

/**
 * A subschema, typed with the bound of Zod's own functions (`core.SomeType`, `{ _zod }`): checking
 * an argument against the full `core.$ZodType` interface costs tsc a structural comparison of
 * every generated schema type.
 */
export type Schema = core.SomeType;
type Check = core.$ZodCheck<unknown>;
type Key = string | number;

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

export function isValid(schema: Schema, value: unknown): boolean {
  return safeParse(schema as core.$ZodType, value).success;
}

/** Runs `schema` on `value` and adds its issues under `path`; true when it passed. */
function apply(
  payload: core.ParsePayload<unknown>,
  schema: Schema,
  value: unknown,
  path: Key[],
): boolean {
  const result = safeParse(schema as core.$ZodType, value);
  if (result.success) return true;
  for (const issue of result.error.issues)
    payload.issues.push({ ...issue, path: [...path, ...issue.path] } as never);
  return false;
}

function fail(payload: core.ParsePayload<unknown>, message: string, path: Key[] = []): void {
  payload.issues.push({ code: 'custom', message, input: payload.value, path } as never);
}

/** A keyword group for one JSON type, on a schema without `type`: other values pass. */
export function whenType(type: JsonType, schema: Schema): Check {
  return check((payload) => {
    if (hasType(payload.value, type)) apply(payload, schema, payload.value, []);
  });
}

/** `not`. */
export function not(schema: Schema): Check {
  return check((payload) => {
    if (isValid(schema, payload.value)) fail(payload, 'Must not match the `not` schema');
  });
}

/** `if` / `then` / `else`: `then` applies when `if` holds, `else` when it does not. */
export function ifThenElse(condition: Schema, then?: Schema, otherwise?: Schema): Check {
  return check((payload) => {
    const branch = isValid(condition, payload.value) ? then : otherwise;
    if (branch) apply(payload, branch, payload.value, []);
  });
}

/** `enum`/`const` with object or array values: equality as JSON values. */
export function oneOfValues(values: readonly unknown[]): Check {
  return check((payload) => {
    if (!values.some((v) => jsonEqual(v, payload.value)))
      fail(payload, `Expected one of ${JSON.stringify(values)}`);
  });
}

export interface ObjectRules {
  required?: readonly string[];
  minProperties?: number;
  maxProperties?: number;
  /** `properties` checked here rather than in Zod's shape (`__proto__`, or no `type`). */
  properties?: readonly (readonly [string, Schema])[];
  /** Every name in `properties`, for `additionalProperties`. */
  known?: readonly string[];
  patternProperties?: readonly (readonly [RegExp, Schema])[];
  /** `additionalProperties`; undefined admits any. */
  additional?: Schema;
  propertyNames?: Schema;
  dependentRequired?: readonly (readonly [string, readonly string[]])[];
  dependentSchemas?: readonly (readonly [string, Schema])[];
}

/** The object keywords; values that are not objects pass. */
export function objectRules(rules: ObjectRules): Check {
  return check(objectRulesFn(rules));
}

/** The same as a function on a parse payload (runtime/object.ts runs it on the input). */
export function objectRulesFn(rules: ObjectRules): (payload: core.ParsePayload<unknown>) => void {
  const known = new Set(rules.known ?? []);
  return (payload) => {
    const value = payload.value;
    if (!isObject(value)) return;
    const keys = Object.keys(value);
    const missing = (rules.required ?? []).filter((k) => !Object.hasOwn(value, k));
    if (missing.length > 0) fail(payload, `Missing required properties: ${missing.join(', ')}`);
    if (rules.minProperties !== undefined && keys.length < rules.minProperties)
      fail(payload, `Expected at least ${rules.minProperties} properties`);
    if (rules.maxProperties !== undefined && keys.length > rules.maxProperties)
      fail(payload, `Expected at most ${rules.maxProperties} properties`);
    for (const [name, schema] of rules.properties ?? [])
      if (Object.hasOwn(value, name)) apply(payload, schema, value[name], [name]);
    for (const key of keys) {
      if (rules.propertyNames) apply(payload, rules.propertyNames, key, [key]);
      let matched = known.has(key);
      for (const [pattern, schema] of rules.patternProperties ?? []) {
        if (!pattern.test(key)) continue;
        matched = true;
        apply(payload, schema, value[key], [key]);
      }
      if (!matched && rules.additional) apply(payload, rules.additional, value[key], [key]);
    }
    for (const [key, names] of rules.dependentRequired ?? []) {
      if (!Object.hasOwn(value, key)) continue;
      const absent = names.filter((n) => !Object.hasOwn(value, n));
      if (absent.length > 0) fail(payload, `${key} requires ${absent.join(', ')}`);
    }
    for (const [key, schema] of rules.dependentSchemas ?? [])
      if (Object.hasOwn(value, key)) apply(payload, schema, value, []);
  };
}

export interface ArrayRules {
  prefixItems?: readonly Schema[];
  /** `items`: every item after the prefix. */
  items?: Schema;
  contains?: Schema;
  minContains?: number;
  maxContains?: number;
}

/** The array keywords Zod's `z.array` cannot say; values that are not arrays pass. */
export function arrayRules(rules: ArrayRules): Check {
  return check((payload) => {
    const value = payload.value;
    if (!Array.isArray(value)) return;
    const prefix = rules.prefixItems ?? [];
    value.forEach((item, i) => {
      const schema = i < prefix.length ? prefix[i] : rules.items;
      if (schema) apply(payload, schema, item, [i]);
    });
    if (rules.contains) {
      const count = value.filter((item) => isValid(rules.contains as Schema, item)).length;
      const min = rules.minContains ?? 1;
      if (count < min) fail(payload, `Expected at least ${min} items matching \`contains\``);
      if (rules.maxContains !== undefined && count > rules.maxContains)
        fail(payload, `Expected at most ${rules.maxContains} items matching \`contains\``);
    }
  });
}
