/**
 * `$ref`: `#/components/schemas/<name>` is the imported schema of that component in this mode
 * (lazy inside a recursive group); any other local pointer (`#/components/schemas/A/$defs/b`) is a
 * module-local schema (schema-context.ts). References to other documents were resolved by bundling.
 */
import type ts from 'typescript';
import { componentRefName } from '../component-graph.ts';
import type { EmitContext, SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../../../pipeline/json-pointer.ts';

export function emitRef(node: SchemaNode, ctx: EmitContext): ts.Expression {
  const where = childPointer(ctx.pointer, '$ref');
  const ref = node.$ref;
  if (typeof ref !== 'string')
    throw new ValidatorGenerationError('$ref', where, 'must be a string');
  const name = componentRefName(ref);
  if (name !== undefined) return ctx.ref(name, ctx.mode, where);
  if (ref.startsWith('#')) return ctx.localRef(ref, where, ctx);
  throw new ValidatorGenerationError(
    '$ref',
    where,
    `only local references (#/...) are supported, got ${JSON.stringify(ref)}`,
  );
}
