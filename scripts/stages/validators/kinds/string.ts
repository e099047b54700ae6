/** `type: string` with minLength, maxLength, pattern and format. */
import type ts from 'typescript';
import { call, method, num, str, unicodeRegExp, zCall } from '../ast.ts';
import { runtime, type EmitContext, type SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../../../pipeline/json-pointer.ts';
import { ANNOTATION_FORMATS, STRING_FORMATS } from '../keywords.ts';
import { nonNegativeInteger } from './limits.ts';

export function emitString(node: SchemaNode, ctx: EmitContext): ts.Expression {
  const schema = format(node, ctx);
  const checks: ts.Expression[] = [];
  if (node.minLength !== undefined)
    checks.push(
      call(runtime(ctx, 'checks', 'minLength'), num(nonNegativeInteger(node, 'minLength', ctx))),
    );
  if (node.maxLength !== undefined)
    checks.push(
      call(runtime(ctx, 'checks', 'maxLength'), num(nonNegativeInteger(node, 'maxLength', ctx))),
    );
  if (node.pattern !== undefined) {
    if (typeof node.pattern !== 'string')
      throw new ValidatorGenerationError(
        'pattern',
        childPointer(ctx.pointer, 'pattern'),
        'must be a string',
      );
    const checked = checkedPattern(node.pattern, childPointer(ctx.pointer, 'pattern'), ctx);
    if (checked !== undefined) checks.push(zCall('regex', unicodeRegExp(checked)));
  }
  return checks.length > 0 ? method(schema, 'check', ...checks) : schema;
}

function format(node: SchemaNode, ctx: EmitContext): ts.Expression {
  const name = node.format;
  if (name === undefined || (typeof name === 'string' && name in ANNOTATION_FORMATS))
    return zCall('string');
  if (typeof name === 'string' && Object.hasOwn(STRING_FORMATS, name)) {
    // A refinement rather than `z.stringFormat`: same check, and the Mini bundle stays small.
    const predicate = runtime(ctx, 'formats', STRING_FORMATS[name] as string);
    return method(
      zCall('string'),
      'check',
      call(runtime(ctx, 'checks', 'format'), str(name), predicate),
    );
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

/**
 * The pattern if it compiles as a JavaScript `u` regex (JSON Schema patterns are ECMA-262).
 * Otherwise (e.g. `\p{Alnum}`, written for another engine) third-party mode leaves it unchecked
 * with one located warning, and house mode fails.
 */
export function checkedPattern(value: string, where: string, ctx: EmitContext): string | undefined {
  try {
    new RegExp(value, 'u');
    return value;
  } catch (error) {
    const reason = `not a valid JavaScript Unicode regular expression (${String(error)})`;
    if (!ctx.uncheckable) throw new ValidatorGenerationError('pattern', where, reason);
    ctx.uncheckable(`pattern ${JSON.stringify(value)}`, where, `${reason}; left unchecked`);
    return undefined;
  }
}
