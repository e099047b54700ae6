/** `type: string` with minLength, maxLength, pattern and format. */
import type ts from 'typescript';
import { call, method, num, str, unicodeRegExp, zCall } from '../ast.ts';
import { runtime, type EmitContext, type SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../pointer.ts';
import { ANNOTATION_FORMATS, STRING_FORMATS } from '../keywords.ts';
import { nonNegativeInteger } from './limits.ts';

export function emitString(node: SchemaNode, ctx: EmitContext): ts.Expression {
  let schema = format(node, ctx);
  const checks: ts.Expression[] = [];
  if (node.minLength !== undefined)
    checks.push(
      call(runtime(ctx, 'checks', 'minLength'), num(nonNegativeInteger(node, 'minLength', ctx))),
    );
  if (node.maxLength !== undefined)
    checks.push(
      call(runtime(ctx, 'checks', 'maxLength'), num(nonNegativeInteger(node, 'maxLength', ctx))),
    );
  if (checks.length > 0) schema = method(schema, 'check', ...checks);
  if (node.pattern !== undefined)
    schema = method(schema, 'regex', unicodeRegExp(pattern(node, ctx)));
  return schema;
}

function format(node: SchemaNode, ctx: EmitContext): ts.Expression {
  const name = node.format;
  if (name === undefined || (typeof name === 'string' && name in ANNOTATION_FORMATS))
    return zCall('string');
  if (typeof name === 'string' && Object.hasOwn(STRING_FORMATS, name)) {
    const predicate = runtime(ctx, 'formats', STRING_FORMATS[name] as string);
    return zCall('stringFormat', str(name), predicate);
  }
  if (typeof name === 'string' && ctx.unknownFormat) {
    ctx.unknownFormat(name, childPointer(ctx.pointer, 'format'));
    return zCall('string');
  }
  throw new ValidatorGenerationError(
    'format',
    childPointer(ctx.pointer, 'format'),
    `format ${JSON.stringify(name)} has no validator; add one to runtime/formats.ts or list it as annotation-only`,
  );
}

function pattern(node: SchemaNode, ctx: EmitContext): string {
  const value = node.pattern;
  const where = childPointer(ctx.pointer, 'pattern');
  if (typeof value !== 'string')
    throw new ValidatorGenerationError('pattern', where, 'must be a string');
  try {
    new RegExp(value, 'u');
  } catch (error) {
    throw new ValidatorGenerationError(
      'pattern',
      where,
      `not a valid Unicode regular expression (${String(error)})`,
    );
  }
  return value;
}
