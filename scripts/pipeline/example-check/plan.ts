/**
 * A schema read into a plan the example check (evaluate.ts) can run without compiling: every
 * keyword of every subschema it reaches, `$ref`s resolved. The plan covers a subset of what
 * Redocly's Ajv compiles, and only where it knows exactly what Ajv does; anything else (a keyword
 * outside the subset, a value Ajv's compile would reject, a `$ref` that does not resolve) makes
 * the whole schema unplannable, and the example goes to Ajv as before.
 *
 * Keywords Ajv does not know (`x-*`, `example`, `xml`, …) are ignored, as Ajv ignores them with
 * Redocly's `strictSchema: false`; the lists of keywords Ajv knows are Redocly's Ajv classes'
 * (test/pipeline/example-check.test.ts compares them with the installed Ajv).
 */
import type { Resolve } from '../redocly-ajv.ts';
import { redocly } from '../redocly-core.ts';

/** The format checks Redocly's Ajv runs: the very `ajv-formats` set its `addFormats` registers. */
const { fullFormats } = redocly;

export type Dialect = '2020' | 'draft4';
export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export interface Plan {
  /** A boolean schema: `true` accepts anything, `false` nothing. */
  bool?: boolean;
  types?: readonly JsonType[];
  hasConst?: boolean;
  constValue?: unknown;
  enumValues?: readonly unknown[];
  readOnly?: boolean;
  writeOnly?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  format?: { type: 'string' | 'number'; test: (data: never) => boolean };
  prefixItems?: readonly Plan[];
  items?: Plan;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: ReadonlyMap<string, Plan>;
  required?: readonly string[];
  patternProperties?: ReadonlyArray<readonly [RegExp, Plan]>;
  additionalProperties?: Plan;
  minProperties?: number;
  maxProperties?: number;
  /** `properties` or `patternProperties` without `additionalProperties`: what Redocly's Ajv
   * closes with `unevaluatedProperties: false` when additional properties are not allowed. */
  closable?: boolean;
  allOf?: readonly Plan[];
  anyOf?: readonly Plan[];
  oneOf?: readonly Plan[];
  not?: Plan;
  ref?: Plan;
}

/** The keywords each of Redocly's Ajv classes defines (its `RULES.keywords`). */
export const AJV_KEYWORDS: Readonly<Record<Dialect, ReadonlySet<string>>> = {
  '2020': new Set(
    '$async $dynamicAnchor $dynamicRef $recursiveAnchor $recursiveRef $schema $id $defs $vocabulary $comment definitions id $ref maximum minimum exclusiveMaximum exclusiveMinimum multipleOf maxLength minLength pattern maxProperties minProperties required readOnly writeOnly maxItems minItems uniqueItems type nullable const enum not anyOf oneOf allOf if then else propertyNames additionalProperties dependencies properties patternProperties prefixItems items contains format title description default deprecated examples contentMediaType contentEncoding contentSchema dependentRequired dependentSchemas maxContains minContains unevaluatedProperties unevaluatedItems discriminator formatMaximum formatMinimum formatExclusiveMaximum formatExclusiveMinimum'.split(
      ' ',
    ),
  ),
  draft4: new Set(
    '$async $schema id $defs $comment definitions $ref multipleOf maxLength minLength pattern maxProperties minProperties required readOnly writeOnly maxItems minItems uniqueItems type nullable const enum maximum minimum exclusiveMaximum exclusiveMinimum not anyOf oneOf allOf if then else propertyNames additionalProperties dependencies properties patternProperties additionalItems items contains format title description default unevaluatedProperties unevaluatedItems discriminator formatMaximum formatMinimum formatExclusiveMaximum formatExclusiveMinimum'.split(
      ' ',
    ),
  ),
};

/** Keywords Ajv knows that check nothing. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'deprecated',
  'examples',
  '$comment',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
]);

/** Keywords the plan reads; every other keyword Ajv knows makes the schema unplannable. */
const PLANNED = new Set([
  'type',
  'nullable',
  'const',
  'enum',
  'readOnly',
  'writeOnly',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'prefixItems',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'patternProperties',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  '$ref',
]);

const JSON_TYPES = new Set<string>([
  'null',
  'boolean',
  'integer',
  'number',
  'string',
  'array',
  'object',
]);

/** Thrown inside planning; caught by `planSchema`. */
class Unplannable extends Error {}
const fail = (): never => {
  throw new Unplannable();
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown): number => (isNumber(v) && v >= 0 ? v : fail());

function regExp(source: unknown): RegExp {
  if (typeof source !== 'string') return fail();
  try {
    return new RegExp(source, 'u'); // as Ajv compiles `pattern` (its `unicodeRegExp` default)
  } catch {
    return fail();
  }
}

function formatOf(name: unknown): Plan['format'] {
  if (typeof name !== 'string') return fail();
  if (!Object.hasOwn(fullFormats, name)) return undefined; // Ajv ignores an unknown format here
  const def = fullFormats[name];
  if (def === true) return undefined;
  if (def instanceof RegExp) return { type: 'string', test: (s: string) => def.test(s) };
  if (typeof def === 'function') return { type: 'string', test: def as (s: never) => boolean };
  if (!isObject(def) || def.async) return fail();
  const type =
    def.type === 'number'
      ? 'number'
      : def.type === undefined || def.type === 'string'
        ? 'string'
        : fail();
  const validate = def.validate;
  if (validate instanceof RegExp) return { type, test: (s: string) => validate.test(s) };
  if (typeof validate === 'function') return { type, test: validate as (s: never) => boolean };
  return fail();
}

/** A name Ajv's generated `data.name !== undefined` would find on every object. */
const inherited = (name: string): boolean => name in Object.prototype;

interface Planner {
  dialect: Dialect;
  resolve: Resolve;
  /** This attempt's plans, complete only if the attempt succeeds. */
  plans: Map<object, Plan>;
  /** Earlier attempts' outcomes: a complete plan, or null for a schema found unplannable. */
  memo: WeakMap<object, Plan | null>;
}

function planOf(schema: unknown, from: string, p: Planner): Plan {
  if (typeof schema === 'boolean') return { bool: schema };
  if (!isObject(schema)) return fail();
  const known = p.plans.get(schema) ?? p.memo.get(schema);
  if (known) return known;
  if (known === null) return fail();
  const plan: Plan = {};
  p.plans.set(schema, plan); // before the subschemas, so a cycle meets this plan
  const draft4 = p.dialect === 'draft4';
  for (const key of Object.keys(schema)) {
    if (!AJV_KEYWORDS[p.dialect].has(key) || ANNOTATIONS.has(key)) continue;
    if (!PLANNED.has(key)) return fail();
  }
  const s = schema;
  const sub = (v: unknown) => planOf(v, from, p);
  const list = (v: unknown) => (Array.isArray(v) && v.length ? v.map(sub) : fail());

  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.length || types.some((t) => typeof t !== 'string' || !JSON_TYPES.has(t)))
      return fail();
    plan.types = types as JsonType[];
  }
  // Ajv's getSchemaTypes: `nullable: true` adds null to `type`, and needs a `type`
  if (s.nullable !== undefined) {
    if (typeof s.nullable !== 'boolean' || !plan.types) return fail();
    if (plan.types.includes('null')) {
      if (s.nullable === false) return fail();
    } else if (s.nullable) plan.types = [...plan.types, 'null'];
  }
  if ('const' in s) {
    plan.hasConst = true;
    plan.constValue = s.const;
  }
  if (s.enum !== undefined) plan.enumValues = Array.isArray(s.enum) ? s.enum : fail();
  for (const k of ['readOnly', 'writeOnly', 'uniqueItems'] as const) {
    if (s[k] !== undefined) plan[k] = typeof s[k] === 'boolean' ? s[k] : fail();
  }
  for (const k of ['minimum', 'maximum', 'multipleOf'] as const) {
    if (s[k] !== undefined) plan[k] = isNumber(s[k]) ? s[k] : fail();
  }
  if (plan.multipleOf !== undefined && plan.multipleOf <= 0) return fail();
  for (const [k, limit] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const v = s[k];
    if (v === undefined) continue;
    if (!draft4) plan[k] = isNumber(v) ? v : fail();
    else if (typeof v !== 'boolean') return fail();
    // draft 4: a true `exclusiveMaximum` makes `maximum` strict; alone it checks nothing
    else if (v && plan[limit] !== undefined) {
      plan[k] = plan[limit];
      delete plan[limit];
    }
  }
  for (const k of [
    'minLength',
    'maxLength',
    'minItems',
    'maxItems',
    'minProperties',
    'maxProperties',
  ] as const) {
    if (s[k] !== undefined) plan[k] = count(s[k]);
  }
  if (s.pattern !== undefined) plan.pattern = regExp(s.pattern);
  if (s.format !== undefined) {
    const format = formatOf(s.format);
    if (format) plan.format = format;
  }
  if (s.prefixItems !== undefined) {
    if (draft4) return fail();
    plan.prefixItems = Array.isArray(s.prefixItems) ? s.prefixItems.map(sub) : fail();
  }
  if (s.items !== undefined) plan.items = Array.isArray(s.items) ? fail() : sub(s.items);
  if (s.required !== undefined) {
    const required = Array.isArray(s.required) ? s.required : fail();
    if (required.some((n) => typeof n !== 'string' || inherited(n))) return fail();
    plan.required = required as string[];
  }
  if (s.properties !== undefined) {
    if (!isObject(s.properties)) return fail();
    const properties = new Map<string, Plan>();
    for (const [name, value] of Object.entries(s.properties)) {
      if (inherited(name)) return fail();
      properties.set(name, sub(value));
    }
    plan.properties = properties;
  }
  if (s.patternProperties !== undefined) {
    if (!isObject(s.patternProperties)) return fail();
    plan.patternProperties = Object.entries(s.patternProperties).map(
      ([source, value]) => [regExp(source), sub(value)] as const,
    );
  }
  if (s.additionalProperties !== undefined) plan.additionalProperties = sub(s.additionalProperties);
  plan.closable =
    (plan.properties !== undefined || plan.patternProperties !== undefined) &&
    plan.additionalProperties === undefined;
  if (s.allOf !== undefined) plan.allOf = list(s.allOf);
  if (s.anyOf !== undefined) plan.anyOf = list(s.anyOf);
  if (s.oneOf !== undefined) plan.oneOf = list(s.oneOf);
  if (s.not !== undefined) plan.not = sub(s.not);
  if (s.$ref !== undefined) {
    const ref = s.$ref;
    // a ref Ajv would encode or decode differently from Redocly's resolver is left to Ajv
    if (typeof ref !== 'string' || ref.includes('%') || encodeURI(ref) !== ref) return fail();
    const target = p.resolve({ $ref: ref }, from);
    if (!target.location || target.node === undefined) return fail();
    plan.ref = planOf(target.node, target.location.source.absoluteRef, p);
  }
  return plan;
}

/**
 * The plan of `schema` (found in the document at `from`), or undefined when any subschema it
 * reaches is outside what the check covers. `memo` keeps, for the lint, each schema object's
 * plan once an attempt that reached it succeeded (examples share component schemas: planning
 * them again per example was 20 ms of Car Owner's lint), and each unplannable top-level schema;
 * a schema object lives in one document, so its plan does not depend on who reaches it.
 */
export function planSchema(
  schema: unknown,
  from: string,
  dialect: Dialect,
  resolve: Resolve,
  memo: WeakMap<object, Plan | null>,
): Plan | undefined {
  if (typeof schema === 'boolean') return { bool: schema };
  if (!isObject(schema)) return undefined;
  const kept = memo.get(schema);
  if (kept !== undefined) return kept ?? undefined;
  const plans = new Map<object, Plan>();
  let plan: Plan | null;
  try {
    plan = planOf(schema, from, { dialect, resolve, plans, memo });
    for (const [object, done] of plans) memo.set(object, done);
  } catch (error) {
    if (!(error instanceof Unplannable)) throw error;
    plan = null; // this attempt's partial plans are dropped with `plans`
  }
  memo.set(schema, plan);
  return plan ?? undefined;
}
