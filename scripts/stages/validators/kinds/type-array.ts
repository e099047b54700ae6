/**
 * `type` naming several JSON types (`type: [string, 'null']`): `X.nullable()` for one type plus
 * null, a `z.union` of the kinds otherwise. Each kind applies only its own keywords.
 */
import type ts from 'typescript';
import { array, zCall } from '../ast.ts';
import type { EmitContext, SchemaNode } from '../context.ts';
import type { Kind } from '../keywords.ts';

export function emitTypeArray(
  kinds: readonly Kind[],
  node: SchemaNode,
  ctx: EmitContext,
  emitKind: (kind: Kind, node: SchemaNode, ctx: EmitContext) => ts.Expression,
): ts.Expression {
  // `number` already admits every integer.
  const effective = kinds.includes('number') ? kinds.filter((k) => k !== 'integer') : [...kinds];
  const nonNull = effective.filter((k) => k !== 'null');
  const parts = nonNull.map((kind) => emitKind(kind, node, ctx));
  if (effective.includes('null') && parts.length === 1)
    return zCall('nullable', parts[0] as ts.Expression);
  if (effective.includes('null')) parts.push(zCall('null'));
  return parts.length === 1 ? (parts[0] as ts.Expression) : zCall('union', array(parts));
}
