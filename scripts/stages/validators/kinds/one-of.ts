/**
 * `oneOf`: exactly one member holds. `z.xor` is Zod's exclusive union; `z.union` would accept a
 * value that matches two members, which JSON Schema rejects.
 */
import type ts from 'typescript';
import { array, zCall } from '../ast.ts';
import { child, type EmitContext, type SchemaNode } from '../context.ts';
import { members } from './combine.ts';
import type { EmitSchema } from './types.ts';

export function emitOneOf(node: SchemaNode, ctx: EmitContext, emit: EmitSchema): ts.Expression {
  const parts = members(node, 'oneOf', ctx).map((sub, i) =>
    emit(sub, child(ctx, ['oneOf', i], true)),
  );
  return parts.length === 1 ? (parts[0] as ts.Expression) : zCall('xor', array(parts));
}
