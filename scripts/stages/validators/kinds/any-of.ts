/** `anyOf`: at least one member holds (`z.union`, which tries every option). */
import type ts from 'typescript';
import { array, zCall } from '../ast.ts';
import { child, type EmitContext, type SchemaNode } from '../context.ts';
import { members } from './combine.ts';
import type { EmitSchema } from './types.ts';

export function emitAnyOf(node: SchemaNode, ctx: EmitContext, emit: EmitSchema): ts.Expression {
  const parts = members(node, 'anyOf', ctx).map((sub, i) =>
    emit(sub, child(ctx, ['anyOf', i], true)),
  );
  return parts.length === 1 ? (parts[0] as ts.Expression) : zCall('union', array(parts));
}
