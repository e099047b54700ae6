/**
 * The dispatcher: one JSON Schema node to one Zod expression. JSON Schema keywords are
 * conjunctive, so the node is split into parts (its `$ref`, its typed part, its enum, each
 * applicator) that each kind function emits, and the parts are intersected. Keywords Zod has no
 * schema for (`not`, `if`, `unevaluated*`, keywords of a type on a schema without `type`) become
 * checks on the input value (runtime/keyword-checks.ts); they lead the intersection, whose merge
 * then starts from the input, so the parsed value equals the input (own `__proto__` keys too).
 */
import type ts from 'typescript';
import { call, json, method, zCall, type Json } from './ast.ts';
import { child, runtime, type EmitContext, type SchemaNode } from './context.ts';
import { ValidatorGenerationError } from './errors.ts';
import { assertKnownKeywords, kindsWithKeywords, type Kind } from './keywords.ts';
import { childPointer } from '../../pipeline/json-pointer.ts';
import { emitAllOf } from './kinds/all-of.ts';
import { emitAnyOf } from './kinds/any-of.ts';
import { emitArray } from './kinds/array.ts';
import { emitBoolean } from './kinds/boolean.ts';
import { intersect } from './kinds/combine.ts';
import { emitEnum, enumValues, isScalar } from './kinds/enum.ts';
import { emitInteger } from './kinds/integer.ts';
import { emitNull } from './kinds/null.ts';
import { emitNumber } from './kinds/number.ts';
import { emitObject } from './kinds/object.ts';
import { emitOneOf } from './kinds/one-of.ts';
import { emitRef } from './kinds/ref.ts';
import { emitString } from './kinds/string.ts';
import { emitTypeArray } from './kinds/type-array.ts';
import { emitUnevaluated } from './kinds/unevaluated.ts';

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
  // OpenAPI 3.0 `nullable: true`, and the same keyword left over in a 3.1 document, mean `T | null`.
  if ('nullable' in schema) return emitNullable(schema, ctx);
  assertKnownKeywords(schema, ctx.pointer, ctx.uncheckable);
  const types = declaredTypes(schema, ctx);
  const inner: EmitContext = {
    ...ctx,
    impliedType: types?.length === 1 ? types[0] : ctx.impliedType,
  };
  const checks: ts.Expression[] = [];
  const parts: ts.Expression[] = [];
  if ('$ref' in schema) parts.push(emitRef(schema, ctx));
  const typed = typedPart(schema, types, inner, checks);
  if ('enum' in schema || 'const' in schema) {
    const values = enumValues(schema, ctx);
    if (values.every(isScalar)) {
      if (typed && !enumImpliesType(schema, values, types)) parts.push(typed);
      parts.push(emitEnum(values));
    } else {
      if (typed) parts.push(typed);
      ctx.typeGap('`enum`/`const` with object or array values');
      checks.push(call(runtime(ctx, 'keyword-checks', 'oneOfValues'), json(values as Json)));
    }
  } else if (typed) parts.push(typed);
  if ('allOf' in schema) parts.push(emitAllOf(schema, inner, emitSchema));
  if ('anyOf' in schema) parts.push(emitAnyOf(schema, inner, emitSchema));
  if ('oneOf' in schema) parts.push(emitOneOf(schema, inner, emitSchema));
  if ('not' in schema) {
    ctx.typeGap('`not`');
    checks.push(
      call(
        runtime(ctx, 'keyword-checks', 'not'),
        emitSchema(schema.not, child(inner, ['not'], true)),
      ),
    );
  }
  if ('if' in schema) {
    ctx.typeGap('`if`/`then`/`else`');
    const branch = (k: 'if' | 'then' | 'else') =>
      k in schema ? emitSchema(schema[k], child(inner, [k], true)) : zCall('unknown');
    checks.push(
      call(
        runtime(ctx, 'keyword-checks', 'ifThenElse'),
        branch('if'),
        branch('then'),
        branch('else'),
      ),
    );
  }
  checks.push(...emitUnevaluated(schema, inner, emitSchema));
  if (checks.length > 0) parts.unshift(method(zCall('unknown'), 'check', ...checks));
  return intersect(parts);
}

function emitNullable(node: SchemaNode, ctx: EmitContext): ts.Expression {
  const { nullable, ...rest } = node;
  if (typeof nullable !== 'boolean')
    throw new ValidatorGenerationError(
      'nullable',
      childPointer(ctx.pointer, 'nullable'),
      'must be a boolean',
    );
  const schema = emitSchema(rest, ctx);
  return nullable ? zCall('nullable', schema) : schema;
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

/**
 * The part that `type` and the type-specific keywords contribute, if any. Without `type`, each
 * type's keywords apply only to values of that type (JSON Schema 2020-12 section 7.6.1): one
 * check per type on the input, pushed to `checks`, unless an enclosing schema implies the type.
 */
function typedPart(
  node: SchemaNode,
  types: Kind[] | undefined,
  ctx: EmitContext,
  checks: ts.Expression[],
): ts.Expression | undefined {
  if (types)
    return types.length === 1
      ? emitKind(types[0] as Kind, node, ctx)
      : emitTypeArray(types, node, ctx, emitKind);
  const kinds = [...kindsWithKeywords(node)];
  if (kinds.length === 0) return undefined;
  const implied = ctx.impliedType;
  if (implied && kinds.length === 1 && kinds[0] === (implied === 'integer' ? 'number' : implied))
    return emitKind(implied, node, ctx);
  ctx.typeGap(`keywords of ${kinds.join('/')} on a schema without \`type\` (other values pass)`);
  for (const kind of kinds)
    checks.push(
      call(runtime(ctx, 'keyword-checks', 'whenType'), json(kind), emitKind(kind, node, ctx)),
    );
  return undefined;
}

/** True when every enum value already has one of the declared types and nothing else constrains. */
function enumImpliesType(node: SchemaNode, values: unknown[], types: Kind[] | undefined): boolean {
  if (!types || kindsWithKeywords(node).size > 0) return false;
  return values.every((value) => types.some((type) => hasType(value, type)));
}

function hasType(value: unknown, type: Kind): boolean {
  if (type === 'null') return value === null;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  if (type === 'array' || type === 'object') return false;
  return typeof value === type;
}
