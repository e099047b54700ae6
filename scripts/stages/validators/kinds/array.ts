/**
 * `type: array`: `z.array(items)` with minItems, maxItems and uniqueItems; `prefixItems` (with
 * `items` after it) and `contains`/`minContains`/`maxContains` are one check on the input
 * (runtime/keyword-checks.ts `arrayRules`).
 */
import type ts from 'typescript';
import { array, call, method, num, objectLiteral, zCall } from '../ast.ts';
import { child, runtime, type EmitContext, type SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../../../pipeline/json-pointer.ts';
import { nonNegativeInteger } from './limits.ts';
import type { EmitSchema } from './types.ts';

export function emitArray(node: SchemaNode, ctx: EmitContext, emit: EmitSchema): ts.Expression {
  const rules: [string, ts.Expression][] = [];
  let items: ts.Expression = zCall('unknown');
  if (node.prefixItems !== undefined) {
    if (!Array.isArray(node.prefixItems) || node.prefixItems.length === 0)
      throw new ValidatorGenerationError(
        'prefixItems',
        childPointer(ctx.pointer, 'prefixItems'),
        'must be a non-empty array',
      );
    ctx.typeGap('`prefixItems`');
    rules.push([
      'prefixItems',
      array(node.prefixItems.map((sub, i) => emit(sub, child(ctx, ['prefixItems', i])))),
    ]);
    if (node.items !== undefined) rules.push(['items', emit(node.items, child(ctx, ['items']))]);
  } else if (node.items !== undefined) items = emit(node.items, child(ctx, ['items']));
  if (node.contains !== undefined) {
    rules.push(['contains', emit(node.contains, child(ctx, ['contains']))]);
    for (const keyword of ['minContains', 'maxContains'] as const)
      if (node[keyword] !== undefined)
        rules.push([keyword, num(nonNegativeInteger(node, keyword, ctx))]);
  }
  const checks: ts.Expression[] = [];
  if (node.minItems !== undefined)
    checks.push(zCall('minLength', num(nonNegativeInteger(node, 'minItems', ctx))));
  if (node.maxItems !== undefined)
    checks.push(zCall('maxLength', num(nonNegativeInteger(node, 'maxItems', ctx))));
  if (node.uniqueItems === true) checks.push(call(runtime(ctx, 'checks', 'uniqueItems')));
  else if (node.uniqueItems !== undefined && node.uniqueItems !== false)
    throw new ValidatorGenerationError(
      'uniqueItems',
      childPointer(ctx.pointer, 'uniqueItems'),
      'must be a boolean',
    );
  let schema = zCall('array', items);
  if (checks.length > 0) schema = method(schema, 'check', ...checks);
  if (rules.length === 0) return schema;
  const check = method(
    zCall('unknown'),
    'check',
    call(runtime(ctx, 'keyword-checks', 'arrayRules'), objectLiteral(rules, false)),
  );
  return zCall('intersection', check, schema);
}
