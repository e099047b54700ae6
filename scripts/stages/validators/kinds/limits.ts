/** Reading numeric keyword values, failing loudly on a malformed one. */
import type { EmitContext, SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../../../pipeline/json-pointer.ts';

export function finiteNumber(node: SchemaNode, keyword: string, ctx: EmitContext): number {
  const value = node[keyword];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ValidatorGenerationError(
      keyword,
      childPointer(ctx.pointer, keyword),
      'must be a number',
    );
  return value;
}

export function nonNegativeInteger(node: SchemaNode, keyword: string, ctx: EmitContext): number {
  const value = finiteNumber(node, keyword, ctx);
  if (!Number.isInteger(value) || value < 0)
    throw new ValidatorGenerationError(
      keyword,
      childPointer(ctx.pointer, keyword),
      'must be a non-negative integer',
    );
  return value;
}
