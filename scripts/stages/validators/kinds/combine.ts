/** Helpers shared by the applicator kinds (allOf, anyOf, oneOf) and the dispatcher. */
import type ts from 'typescript';
import { zCall } from '../ast.ts';
import type { EmitContext, SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../../../pipeline/json-pointer.ts';

export function members(node: SchemaNode, keyword: string, ctx: EmitContext): unknown[] {
  const value = node[keyword];
  if (!Array.isArray(value) || value.length === 0)
    throw new ValidatorGenerationError(
      keyword,
      childPointer(ctx.pointer, keyword),
      'must be a non-empty array',
    );
  return value;
}

/** All of `parts` must hold: nested `z.intersection`, or `z.unknown()` for none. */
export function intersect(parts: ts.Expression[]): ts.Expression {
  if (parts.length === 0) return zCall('unknown');
  return parts
    .slice(1)
    .reduce((acc, part) => zCall('intersection', acc, part), parts[0] as ts.Expression);
}
