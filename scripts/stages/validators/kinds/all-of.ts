/** `allOf`: every member must hold, folded into `z.intersection`. */
import type ts from 'typescript';
import { child, type EmitContext, type SchemaNode } from '../context.ts';
import { intersect, members } from './combine.ts';
import type { EmitSchema } from './types.ts';

export function emitAllOf(node: SchemaNode, ctx: EmitContext, emit: EmitSchema): ts.Expression {
  const parts = members(node, 'allOf', ctx).map((sub, i) =>
    emit(sub, child(ctx, ['allOf', i], true)),
  );
  return intersect(parts);
}
