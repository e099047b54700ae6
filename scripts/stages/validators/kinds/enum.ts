/** `enum` and `const`: string-only enums become `z.enum`, other scalars `z.literal([...])`. */
import type ts from 'typescript';
import { array, json, str, zCall, type Json } from '../ast.ts';
import type { EmitContext, SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../pointer.ts';

type Scalar = string | number | boolean | null;

/** The allowed values of `enum`/`const`; both present means their intersection. */
export function enumValues(node: SchemaNode, ctx: EmitContext): Scalar[] {
  let values: unknown[] | undefined;
  if (node.enum !== undefined) {
    if (!Array.isArray(node.enum) || node.enum.length === 0)
      throw new ValidatorGenerationError(
        'enum',
        childPointer(ctx.pointer, 'enum'),
        'must be a non-empty array',
      );
    values = node.enum;
  }
  if ('const' in node) values = (values ?? [node.const]).filter((v) => v === node.const);
  const keyword = 'const' in node ? 'const' : 'enum';
  for (const value of values ?? []) {
    if (value !== null && typeof value === 'object')
      throw new ValidatorGenerationError(
        keyword,
        childPointer(ctx.pointer, keyword),
        'object and array values are not supported',
      );
  }
  return [...new Set(values as Scalar[])];
}

export function emitEnum(node: SchemaNode, ctx: EmitContext): ts.Expression {
  const values = enumValues(node, ctx);
  if (values.length === 0) return zCall('never');
  if (values.every((v): v is string => typeof v === 'string'))
    return zCall('enum', array(values.map(str)));
  if (values.length === 1) return zCall('literal', json(values[0] as Json));
  return zCall('literal', array(values.map((v) => json(v))));
}
