/** `enum` and `const`: string-only enums become `z.enum`, other scalars `z.literal([...])`. */
import type ts from 'typescript';
import { array, json, str, zCall, type Json } from '../ast.ts';
import type { EmitContext, SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../../../pipeline/json-pointer.ts';
import { jsonEqual } from '../../../../packages/validators/src/runtime/json-equal.ts';

export type Scalar = string | number | boolean | null;

export function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value !== 'object';
}

/** The allowed values of `enum`/`const` (deduplicated as JSON values); both: their intersection. */
export function enumValues(node: SchemaNode, ctx: EmitContext): unknown[] {
  let values: unknown[] | undefined;
  if (node.enum !== undefined) {
    if (!Array.isArray(node.enum))
      throw new ValidatorGenerationError(
        'enum',
        childPointer(ctx.pointer, 'enum'),
        'must be an array',
      );
    values = node.enum;
  }
  if ('const' in node) values = (values ?? [node.const]).filter((v) => jsonEqual(v, node.const));
  const unique: unknown[] = [];
  for (const value of values ?? [])
    if (!unique.some((u) => jsonEqual(u, value))) unique.push(value);
  return unique;
}

export function emitEnum(values: Scalar[]): ts.Expression {
  if (values.length === 0) return zCall('never');
  if (values.every((v): v is string => typeof v === 'string'))
    return zCall('enum', array(values.map(str)));
  if (values.length === 1) return zCall('literal', json(values[0] as Json));
  return zCall('literal', array(values.map((v) => json(v))));
}
