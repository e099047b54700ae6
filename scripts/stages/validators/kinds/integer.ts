/**
 * `type: integer`: a JSON number without a fractional part. `z.int()` is not used because it
 * rejects integers beyond 2^53, which JSON Schema (and Ajv) accept.
 */
import type ts from 'typescript';
import { zCall } from '../ast.ts';
import type { EmitContext, SchemaNode } from '../context.ts';
import { numericConstraints } from './number.ts';

export function emitInteger(node: SchemaNode, ctx: EmitContext): ts.Expression {
  return numericConstraints(zCall('number'), node, ctx, true);
}
