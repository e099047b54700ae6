/**
 * Runs a plan (plan.ts) over an example and answers only when the answer is certain: `surelyValid`
 * is true only where Redocly's Ajv would accept the value, and `surelyInvalid` (used for `oneOf`
 * and `not`) only where it would reject it. Every other case is "not sure", and the caller asks
 * Ajv, so an error message is always Ajv's own.
 *
 * Redocly's example rules run Ajv with `unevaluatedProperties: false` put on every schema with
 * `properties` or `patternProperties` and no `additionalProperties` (its
 * `allowAdditionalProperties: false`), except a direct `allOf` member and what such a member
 * `$ref`s. The check closes every such schema, with the same exceptions and the properties it
 * evaluated itself, which never exceed Ajv's: where it is stricter than Ajv it is only unsure.
 */
import type { JsonType, Plan } from './plan.ts';

/** The properties of an object a valid check evaluated: all of them, or these names. */
type Evaluated = true | ReadonlySet<string>;
const NONE: ReadonlySet<string> = new Set();

export interface CheckContext {
  /** Redocly's `allowAdditionalProperties: false`. */
  closed: boolean;
  /** Redocly's Ajv context: `request` rejects `readOnly` values, `response` `writeOnly` ones. */
  apiContext?: unknown;
}

/** How a schema is reached: 1 as a direct `allOf` member, 2 as the target of one's `$ref`. */
type Reach = 0 | 1 | 2;

/** A deeper chain of `$ref`s and combinators than this is left to Ajv (it may be a cycle). */
const MAX_DEPTH = 200;

type DataType = Exclude<JsonType, 'integer'>;

function jsonType(v: unknown): DataType | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'number':
      return Number.isFinite(v) ? 'number' : undefined;
    case 'object':
      if (Array.isArray(v)) return 'array';
      return Object.getPrototypeOf(v) === Object.prototype ? 'object' : undefined;
    default:
      return undefined;
  }
}

function typeMatches(types: readonly JsonType[], t: DataType, data: unknown): boolean {
  for (const type of types) {
    if (type === t) return true;
    if (type === 'integer' && t === 'number' && Number.isInteger(data)) return true;
  }
  return false;
}

/** Equality as Ajv's fast-deep-equal sees JSON values (objects of other kinds: identity). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => deepEqual(v, b[i]));
  }
  if (
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  )
    return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && deepEqual(ra[k], rb[k]));
}

function merge(a: Evaluated, b: Evaluated): Evaluated {
  if (a === true || b === true) return true;
  if (!b.size) return a;
  if (!a.size) return b;
  return new Set([...a, ...b]);
}

function numberOk(p: Plan, n: number): boolean {
  if (p.minimum !== undefined && n < p.minimum) return false;
  if (p.maximum !== undefined && n > p.maximum) return false;
  if (p.exclusiveMinimum !== undefined && n <= p.exclusiveMinimum) return false;
  if (p.exclusiveMaximum !== undefined && n >= p.exclusiveMaximum) return false;
  if (p.multipleOf !== undefined) {
    // Ajv's test, parseInt and all: `data / multipleOf !== parseInt(data / multipleOf)` fails
    const quotient = n / p.multipleOf;
    if (quotient !== parseInt(String(quotient))) return false;
  }
  return p.format?.type !== 'number' || (p.format.test as (n: number) => boolean)(n);
}

function stringOk(p: Plan, s: string): boolean {
  if (p.minLength !== undefined || p.maxLength !== undefined) {
    const length = [...s].length; // code points, as Ajv's ucs2length counts
    if (p.minLength !== undefined && length < p.minLength) return false;
    if (p.maxLength !== undefined && length > p.maxLength) return false;
  }
  if (p.pattern && !p.pattern.test(s)) return false;
  return p.format?.type !== 'string' || (p.format.test as (s: string) => boolean)(s);
}

function arrayOk(p: Plan, items: unknown[], cx: CheckContext, depth: number): boolean {
  if (p.minItems !== undefined && items.length < p.minItems) return false;
  if (p.maxItems !== undefined && items.length > p.maxItems) return false;
  const prefix = p.prefixItems ?? [];
  for (let i = 0; i < items.length; i++) {
    const schema = i < prefix.length ? prefix[i] : p.items;
    if (schema && !evaluate(schema, items[i], cx, 0, depth + 1)) return false;
  }
  if (p.uniqueItems) {
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) if (deepEqual(items[i], items[j])) return false;
  }
  return true;
}

function objectEvaluated(
  p: Plan,
  data: Record<string, unknown>,
  cx: CheckContext,
  depth: number,
): Evaluated | undefined {
  const keys = Object.keys(data);
  if (p.minProperties !== undefined && keys.length < p.minProperties) return undefined;
  if (p.maxProperties !== undefined && keys.length > p.maxProperties) return undefined;
  // plan.ts refuses names every object inherits, so an own property is what Ajv looks for
  if (p.required?.some((name) => !Object.hasOwn(data, name))) return undefined;
  if (!p.properties && !p.patternProperties && !p.additionalProperties) return NONE;
  let named: Set<string> | undefined;
  for (const key of keys) {
    let matched = false;
    const property = p.properties?.get(key);
    if (property) {
      if (!evaluate(property, data[key], cx, 0, depth + 1)) return undefined;
      matched = true;
    }
    for (const [pattern, schema] of p.patternProperties ?? []) {
      if (!pattern.test(key)) continue;
      if (!evaluate(schema, data[key], cx, 0, depth + 1)) return undefined;
      matched = true;
    }
    if (matched) (named ??= new Set()).add(key);
    else if (
      p.additionalProperties &&
      !evaluate(p.additionalProperties, data[key], cx, 0, depth + 1)
    )
      return undefined;
  }
  return p.additionalProperties ? true : (named ?? NONE);
}

/** The properties a valid value's check evaluated, or undefined when validity is not sure. */
function evaluate(
  p: Plan,
  data: unknown,
  cx: CheckContext,
  reach: Reach,
  depth: number,
): Evaluated | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (p.bool !== undefined) return p.bool ? NONE : undefined;
  const t = jsonType(data);
  if (t === undefined) return undefined;
  if (p.types && !typeMatches(p.types, t, data)) return undefined;
  if (p.hasConst && !deepEqual(data, p.constValue)) return undefined;
  if (p.enumValues && !p.enumValues.some((v) => deepEqual(v, data))) return undefined;
  if (p.readOnly && cx.apiContext === 'request') return undefined;
  if (p.writeOnly && cx.apiContext === 'response') return undefined;
  let evaluated: Evaluated = NONE;
  if (t === 'number') {
    if (!numberOk(p, data as number)) return undefined;
  } else if (t === 'string') {
    if (!stringOk(p, data as string)) return undefined;
  } else if (t === 'array') {
    if (!arrayOk(p, data as unknown[], cx, depth)) return undefined;
  } else if (t === 'object') {
    const own = objectEvaluated(p, data as Record<string, unknown>, cx, depth);
    if (!own) return undefined;
    evaluated = own;
  }
  for (const schema of p.allOf ?? []) {
    const e = evaluate(schema, data, cx, 1, depth + 1);
    if (!e) return undefined;
    evaluated = merge(evaluated, e);
  }
  if (p.anyOf) {
    let any = false;
    for (const schema of p.anyOf) {
      const e = evaluate(schema, data, cx, 0, depth + 1);
      if (!e) continue;
      any = true;
      evaluated = merge(evaluated, e);
    }
    if (!any) return undefined;
  }
  if (p.oneOf) {
    let valid: Evaluated | undefined;
    for (const schema of p.oneOf) {
      const e = evaluate(schema, data, cx, 0, depth + 1);
      if (e) {
        if (valid) return undefined; // two match: Ajv rejects it
        valid = e;
      } else if (!surelyInvalid(schema, data, depth + 1)) return undefined;
    }
    if (!valid) return undefined;
    evaluated = merge(evaluated, valid);
  }
  if (p.not && !surelyInvalid(p.not, data, depth + 1)) return undefined;
  if (p.ref) {
    const e = evaluate(p.ref, data, cx, reach === 1 ? 2 : 0, depth + 1);
    if (!e) return undefined;
    evaluated = merge(evaluated, e);
  }
  if (cx.closed && p.closable && reach === 0 && t === 'object' && evaluated !== true) {
    for (const key of Object.keys(data as object)) if (!evaluated.has(key)) return undefined;
  }
  return evaluated;
}

/**
 * True only when Ajv rejects `data` whatever else the schema holds: its `type`, `const`, `enum`
 * or `required` fails, here or in an `allOf` member or the target of its `$ref`.
 */
function surelyInvalid(p: Plan, data: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (p.bool !== undefined) return !p.bool;
  if (p.ref && surelyInvalid(p.ref, data, depth + 1)) return true;
  const t = jsonType(data);
  if (t === undefined) return false;
  if (p.types && !typeMatches(p.types, t, data)) return true;
  if (p.hasConst && !deepEqual(data, p.constValue)) return true;
  if (p.enumValues && !p.enumValues.some((v) => deepEqual(v, data))) return true;
  if (t === 'object' && p.required?.some((name) => !Object.hasOwn(data as object, name)))
    return true;
  return (p.allOf ?? []).some((schema) => surelyInvalid(schema, data, depth + 1));
}

/** True only when Redocly's Ajv would accept `data` against the plan's schema. */
export function surelyValid(plan: Plan, data: unknown, cx: CheckContext): boolean {
  return evaluate(plan, data, cx, 0, 0) !== undefined;
}
