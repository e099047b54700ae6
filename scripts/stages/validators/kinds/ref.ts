/** `$ref` to `#/components/schemas/<name>`: the imported schema of that component in this mode. */
import type ts from 'typescript';
import type { EmitContext, SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../pointer.ts';

const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;

export function emitRef(node: SchemaNode, ctx: EmitContext): ts.Expression {
  const where = childPointer(ctx.pointer, '$ref');
  const match = typeof node.$ref === 'string' ? COMPONENT.exec(node.$ref) : null;
  if (!match?.[1])
    throw new ValidatorGenerationError(
      '$ref',
      where,
      `only #/components/schemas/<name> is supported, got ${JSON.stringify(node.$ref)}`,
    );
  const name = decodeURIComponent(match[1]).replaceAll('~1', '/').replaceAll('~0', '~');
  return ctx.ref(name, ctx.mode, where);
}
