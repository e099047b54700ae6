/** `type: array` with items, minItems, maxItems and uniqueItems. */
import type ts from 'typescript';
import { call, method, num, zCall } from '../ast.ts';
import { child, runtime, type EmitContext, type SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../pointer.ts';
import { nonNegativeInteger } from './limits.ts';
import type { EmitSchema } from './types.ts';

export function emitArray(node: SchemaNode, ctx: EmitContext, emit: EmitSchema): ts.Expression {
  const items =
    node.items === undefined ? zCall('unknown') : emit(node.items, child(ctx, ['items']));
  let schema = zCall('array', items);
  if (node.minItems !== undefined)
    schema = method(schema, 'min', num(nonNegativeInteger(node, 'minItems', ctx)));
  if (node.maxItems !== undefined)
    schema = method(schema, 'max', num(nonNegativeInteger(node, 'maxItems', ctx)));
  if (node.uniqueItems === true)
    schema = method(schema, 'check', call(runtime(ctx, 'checks', 'uniqueItems')));
  else if (node.uniqueItems !== undefined && node.uniqueItems !== false)
    throw new ValidatorGenerationError(
      'uniqueItems',
      childPointer(ctx.pointer, 'uniqueItems'),
      'must be a boolean',
    );
  return schema;
}
