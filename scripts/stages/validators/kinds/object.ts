/**
 * `type: object` with properties, required, additionalProperties, minProperties, maxProperties.
 *
 * Unknown keys follow `additionalProperties`: absent or `true` keeps them (`z.looseObject`, the
 * JSON Schema default), a schema types them (`.catchall`), `false` rejects them
 * (`z.strictObject`) in exact mode and keeps them in tolerant (response) mode.
 */
import type ts from 'typescript';
import { array, call, method, num, objectLiteral, str, zCall } from '../ast.ts';
import { child, runtime, type EmitContext, type SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../pointer.ts';
import { nonNegativeInteger } from './limits.ts';
import type { EmitSchema } from './types.ts';

export function emitObject(node: SchemaNode, ctx: EmitContext, emit: EmitSchema): ts.Expression {
  const properties = record(node, 'properties', ctx);
  const required = requiredList(node, ctx);
  // Zod checks presence of every non-optional key in the shape; names only in `required` need a check.
  const mustCheckPresence = required.filter((name) => !Object.hasOwn(properties, name));
  const shape: [string, ts.Expression][] = Object.entries(properties).map(([name, sub]) => {
    assertPropertyName(name, childPointer(ctx.pointer, 'properties', name));
    const schema = emit(sub, child(ctx, ['properties', name]));
    return [name, required.includes(name) ? schema : method(schema, 'optional')];
  });
  let schema = withUnknownKeys(objectLiteral(shape), node, ctx, emit);
  const checks: ts.Expression[] = [];
  if (mustCheckPresence.length > 0)
    checks.push(call(runtime(ctx, 'checks', 'requiredKeys'), array(mustCheckPresence.map(str))));
  for (const keyword of ['minProperties', 'maxProperties'] as const) {
    if (node[keyword] !== undefined)
      checks.push(
        call(runtime(ctx, 'checks', keyword), num(nonNegativeInteger(node, keyword, ctx))),
      );
  }
  if (checks.length > 0) schema = method(schema, 'check', ...checks);
  return schema;
}

/** Zod never reads a `__proto__` key of the input, so such a property could not be enforced. */
export function assertPropertyName(name: string, pointer: string): void {
  if (name === '__proto__')
    throw new ValidatorGenerationError(
      'properties',
      pointer,
      'a property named __proto__ cannot be validated by Zod (it skips that key)',
    );
}

function withUnknownKeys(
  shape: ts.Expression,
  node: SchemaNode,
  ctx: EmitContext,
  emit: EmitSchema,
): ts.Expression {
  const additional = node.additionalProperties;
  if (additional === undefined || additional === true) return zCall('looseObject', shape);
  if (additional === false)
    return zCall(ctx.mode === 'exact' ? 'strictObject' : 'looseObject', shape);
  if (typeof additional === 'object' && additional !== null && !Array.isArray(additional))
    return method(
      zCall('object', shape),
      'catchall',
      emit(additional, child(ctx, ['additionalProperties'])),
    );
  throw new ValidatorGenerationError(
    'additionalProperties',
    childPointer(ctx.pointer, 'additionalProperties'),
    'must be a boolean or a schema',
  );
}

function record(node: SchemaNode, keyword: string, ctx: EmitContext): Record<string, unknown> {
  const value = node[keyword] ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ValidatorGenerationError(
      keyword,
      childPointer(ctx.pointer, keyword),
      'must be an object',
    );
  return value as Record<string, unknown>;
}

export function requiredList(node: SchemaNode, ctx: EmitContext): string[] {
  const value = node.required ?? [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new ValidatorGenerationError(
      'required',
      childPointer(ctx.pointer, 'required'),
      'must be an array of strings',
    );
  return value as string[];
}
