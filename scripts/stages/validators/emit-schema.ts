/**
 * The dispatcher: one JSON Schema node to one Zod expression. JSON Schema keywords are
 * conjunctive, so the node is split into parts (its `$ref`, its typed part, its enum, each
 * applicator) that each kind function emits, and the parts are intersected.
 */
import type ts from 'typescript';
import { method, call, array, str, num, zCall } from './ast.ts';
import { runtime, type EmitContext, type SchemaNode } from './context.ts';
import { ValidatorGenerationError } from './errors.ts';
import { assertKnownKeywords, KIND_KEYWORDS, kindsWithKeywords, type Kind } from './keywords.ts';
import { childPointer } from './pointer.ts';
import { emitAllOf } from './kinds/all-of.ts';
import { emitAnyOf } from './kinds/any-of.ts';
import { emitArray } from './kinds/array.ts';
import { emitBoolean } from './kinds/boolean.ts';
import { intersect } from './kinds/combine.ts';
import { emitEnum, enumValues } from './kinds/enum.ts';
import { emitInteger } from './kinds/integer.ts';
import { nonNegativeInteger } from './kinds/limits.ts';
import { emitNull } from './kinds/null.ts';
import { emitNumber } from './kinds/number.ts';
import { emitObject, requiredList } from './kinds/object.ts';
import { emitOneOf } from './kinds/one-of.ts';
import { emitRef } from './kinds/ref.ts';
import { emitString } from './kinds/string.ts';
import { emitTypeArray } from './kinds/type-array.ts';

const KINDS: readonly Kind[] = [
  'string',
  'number',
  'integer',
  'boolean',
  'null',
  'array',
  'object',
];

export function emitSchema(node: unknown, ctx: EmitContext): ts.Expression {
  if (node === true) return zCall('unknown');
  if (node === false) return zCall('never');
  if (typeof node !== 'object' || node === null || Array.isArray(node))
    throw new ValidatorGenerationError(
      'schema',
      ctx.pointer,
      'a schema must be an object or a boolean',
    );
  const schema = node as SchemaNode;
  if (ctx.openapi30 && 'nullable' in schema) return emitNullable30(schema, ctx);
  assertKnownKeywords(schema, ctx.pointer);
  const types = declaredTypes(schema, ctx);
  const inner: EmitContext = {
    ...ctx,
    impliedType: types?.length === 1 ? types[0] : ctx.impliedType,
  };
  const parts: ts.Expression[] = [];
  if ('$ref' in schema) parts.push(emitRef(schema, ctx));
  const typed = typedPart(schema, types, inner);
  if ('enum' in schema || 'const' in schema) {
    if (typed && !enumImpliesType(schema, types, ctx)) parts.push(typed);
    parts.push(emitEnum(schema, ctx));
  } else if (typed) parts.push(typed);
  if ('allOf' in schema) parts.push(emitAllOf(schema, inner, emitSchema));
  if ('anyOf' in schema) parts.push(emitAnyOf(schema, inner, emitSchema));
  if ('oneOf' in schema) parts.push(emitOneOf(schema, inner, emitSchema));
  return intersect(parts);
}

/** OpenAPI 3.0: `nullable: true` admits null besides what the rest of the schema admits. */
function emitNullable30(node: SchemaNode, ctx: EmitContext): ts.Expression {
  const { nullable, ...rest } = node;
  if (typeof nullable !== 'boolean')
    throw new ValidatorGenerationError(
      'nullable',
      childPointer(ctx.pointer, 'nullable'),
      'must be a boolean',
    );
  const schema = emitSchema(rest, ctx);
  return nullable ? method(schema, 'nullable') : schema;
}

function emitKind(kind: Kind, node: SchemaNode, ctx: EmitContext): ts.Expression {
  switch (kind) {
    case 'string':
      return emitString(node, ctx);
    case 'number':
      return emitNumber(node, ctx);
    case 'integer':
      return emitInteger(node, ctx);
    case 'boolean':
      return emitBoolean();
    case 'null':
      return emitNull();
    case 'array':
      return emitArray(node, ctx, emitSchema);
    case 'object':
      return emitObject(node, ctx, emitSchema);
  }
}

function declaredTypes(node: SchemaNode, ctx: EmitContext): Kind[] | undefined {
  if (node.type === undefined) return undefined;
  const list = Array.isArray(node.type) ? node.type : [node.type];
  for (const t of list) {
    if (!KINDS.includes(t as Kind))
      throw new ValidatorGenerationError(
        'type',
        childPointer(ctx.pointer, 'type'),
        `unknown type ${JSON.stringify(t)}`,
      );
  }
  if (list.length === 0)
    throw new ValidatorGenerationError(
      'type',
      childPointer(ctx.pointer, 'type'),
      'must not be empty',
    );
  return [...new Set(list as Kind[])];
}

/** The part that `type` and the type-specific keywords contribute, if any. */
function typedPart(
  node: SchemaNode,
  types: Kind[] | undefined,
  ctx: EmitContext,
): ts.Expression | undefined {
  if (types) assertKeywordsFitTypes(node, types, ctx);
  if (types)
    return types.length === 1
      ? emitKind(types[0] as Kind, node, ctx)
      : emitTypeArray(types, node, ctx, emitKind);
  const kinds = [...kindsWithKeywords(node)];
  if (kinds.length === 0) return undefined;
  const implied = ctx.impliedType;
  if (implied && kinds.length === 1 && kinds[0] === (implied === 'integer' ? 'number' : implied))
    return emitKind(implied, node, ctx);
  if (
    kinds.length === 1 &&
    kinds[0] === 'object' &&
    !('properties' in node) &&
    !('additionalProperties' in node)
  )
    return objectConditions(node, ctx);
  const keyword =
    Object.keys(node).find((k) => kindsWithKeywords({ [k]: true }).size > 0) ?? 'type';
  throw new ValidatorGenerationError(
    keyword,
    childPointer(ctx.pointer, keyword),
    `applies only to ${kinds.join('/')} values and the schema has no \`type\`; add one so the validator need not guess`,
  );
}

/** A keyword for a type the schema does not admit would be ignored; say so instead. */
function assertKeywordsFitTypes(node: SchemaNode, types: Kind[], ctx: EmitContext): void {
  const allowed = new Set<string>(
    types.flatMap((t) => {
      const kind = t === 'integer' ? 'number' : t;
      return kind in KIND_KEYWORDS ? [...KIND_KEYWORDS[kind as keyof typeof KIND_KEYWORDS]] : [];
    }),
  );
  const all = Object.values(KIND_KEYWORDS).flat() as string[];
  const stray = Object.keys(node).find((k) => all.includes(k) && !allowed.has(k));
  if (stray)
    throw new ValidatorGenerationError(
      stray,
      childPointer(ctx.pointer, stray),
      `has no effect on type ${JSON.stringify(node.type)}`,
    );
}

/** `required`/`minProperties`/`maxProperties` without `type`: checks that pass non-objects. */
function objectConditions(node: SchemaNode, ctx: EmitContext): ts.Expression {
  const checks: ts.Expression[] = [];
  const required = requiredList(node, ctx);
  if (required.length > 0)
    checks.push(call(runtime(ctx, 'checks', 'requiredKeys'), array(required.map(str))));
  for (const keyword of ['minProperties', 'maxProperties'] as const) {
    if (node[keyword] !== undefined)
      checks.push(
        call(runtime(ctx, 'checks', keyword), num(nonNegativeInteger(node, keyword, ctx))),
      );
  }
  return checks.length > 0 ? method(zCall('unknown'), 'check', ...checks) : zCall('unknown');
}

/** True when every enum value already has one of the declared types and nothing else constrains. */
function enumImpliesType(node: SchemaNode, types: Kind[] | undefined, ctx: EmitContext): boolean {
  if (!types || kindsWithKeywords(node).size > 0) return false;
  return enumValues(node, ctx).every((value) => types.some((type) => hasType(value, type)));
}

function hasType(value: unknown, type: Kind): boolean {
  if (type === 'null') return value === null;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array' || type === 'object') return false;
  return typeof value === type;
}
