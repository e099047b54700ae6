/** `type: number` with minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf and format. */
import type ts from 'typescript';
import { call, method, num, zCall } from '../ast.ts';
import { runtime, type EmitContext, type SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { ANNOTATION_FORMATS, NUMBER_FORMATS } from '../keywords.ts';
import { childPointer } from '../../../pipeline/json-pointer.ts';
import { finiteNumber } from './limits.ts';

export function emitNumber(node: SchemaNode, ctx: EmitContext): ts.Expression {
  return numericConstraints(zCall('number'), node, ctx, false);
}

/** Shared by `number` and `integer`: the bounds, `multipleOf` and the numeric formats. */
export function numericConstraints(
  base: ts.Expression,
  node: SchemaNode,
  ctx: EmitContext,
  isInteger: boolean,
): ts.Expression {
  const checks: ts.Expression[] = [];
  let integer = isInteger;
  const schema = base;
  const fmt = node.format;
  if (fmt !== undefined && !(typeof fmt === 'string' && fmt in ANNOTATION_FORMATS)) {
    const range = typeof fmt === 'string' ? NUMBER_FORMATS[fmt] : undefined;
    if (range) {
      integer = true;
      checks.push(zCall('gte', num(range[0])), zCall('lte', num(range[1])));
    } else if (typeof fmt === 'string' && ctx.unknownFormat) {
      ctx.unknownFormat(fmt, childPointer(ctx.pointer, 'format'));
    } else {
      throw new ValidatorGenerationError(
        'format',
        childPointer(ctx.pointer, 'format'),
        `numeric format ${JSON.stringify(fmt)} has no validator`,
      );
    }
  }
  if (integer) checks.push(call(runtime(ctx, 'checks', 'integer')));
  const bounds = [
    ['minimum', 'gte'],
    ['maximum', 'lte'],
    ['exclusiveMinimum', 'gt'],
    ['exclusiveMaximum', 'lt'],
  ] as const;
  // OpenAPI 3.0 (JSON Schema draft 4): `exclusiveMinimum: true` makes `minimum` exclusive.
  const exclusive = {
    minimum: node.exclusiveMinimum === true,
    maximum: node.exclusiveMaximum === true,
  } as const;
  for (const [keyword, zodMethod] of bounds) {
    if (node[keyword] === undefined || typeof node[keyword] === 'boolean') continue;
    const strict = (keyword === 'minimum' || keyword === 'maximum') && exclusive[keyword];
    const method = strict ? (keyword === 'minimum' ? 'gt' : 'lt') : zodMethod;
    checks.push(zCall(method, num(finiteNumber(node, keyword, ctx))));
  }
  if (node.multipleOf !== undefined) {
    const divisor = finiteNumber(node, 'multipleOf', ctx);
    if (divisor <= 0)
      throw new ValidatorGenerationError(
        'multipleOf',
        childPointer(ctx.pointer, 'multipleOf'),
        'must be greater than 0',
      );
    checks.push(call(runtime(ctx, 'checks', 'multipleOf'), num(divisor)));
  }
  return checks.length > 0 ? method(schema, 'check', ...checks) : schema;
}
