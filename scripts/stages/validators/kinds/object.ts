/**
 * `type: object` and the object keywords. Zod's shape (`z.object`, which gives `z.infer` the
 * exact type) checks the declared properties; every keyword about keys (`required`,
 * `additionalProperties`, `patternProperties`, `propertyNames`, `dependent*`, `min/maxProperties`,
 * a property named `__proto__`) is one check on the input (runtime/keyword-checks.ts
 * `objectRules`), which leads an intersection so the parsed value is the input with every key.
 *
 * Unknown keys follow `additionalProperties`: absent or `true` keeps them (the JSON Schema
 * default), a schema checks them, `false` rejects them in exact mode and keeps them in tolerant
 * (response) mode.
 */
import ts from '../../../pipeline/typescript-cjs.js';
import { array, call, method, num, objectLiteral, str, unicodeRegExp, zCall } from '../ast.ts';
import { child, runtime, type EmitContext, type SchemaNode } from '../context.ts';
import { ValidatorGenerationError } from '../errors.ts';
import { childPointer } from '../../../pipeline/json-pointer.ts';
import { nonNegativeInteger } from './limits.ts';
import { checkedPattern } from './string.ts';
import type { EmitSchema } from './types.ts';

const f = ts.factory;

export function emitObject(node: SchemaNode, ctx: EmitContext, emit: EmitSchema): ts.Expression {
  const properties = record(node, 'properties', ctx);
  const required = requiredList(node, ctx);
  const rules: [string, ts.Expression][] = [];
  const shape: [string, ts.Expression][] = [];
  const proto: ts.Expression[] = [];
  for (const [name, sub] of Object.entries(properties)) {
    const schema = emit(sub, child(ctx, ['properties', name]));
    // Zod reads `input[name]`, which finds an inherited `toString` on `{}`: check these on the input.
    if (name === '__proto__' || name in Object.prototype) {
      ctx.typeGap(`a property named ${name} (an Object.prototype member)`);
      proto.push(array([str(name), schema]));
    } else shape.push([name, required.includes(name) ? schema : zCall('optional', schema)]);
  }
  // Zod's shape already rejects a missing key whose schema rejects `undefined`.
  const unchecked = required.filter(
    (name) => !shape.some(([k]) => k === name) || !rejectsUndefined(properties[name], ctx, 0),
  );
  if (unchecked.length > 0) rules.push(['required', array(unchecked.map(str))]);
  for (const keyword of ['minProperties', 'maxProperties'] as const)
    if (node[keyword] !== undefined)
      rules.push([keyword, num(nonNegativeInteger(node, keyword, ctx))]);
  if (proto.length > 0) rules.push(['properties', array(proto)]);
  const patterns = patternProperties(node, ctx, emit);
  if (patterns.length > 0) {
    ctx.typeGap('`patternProperties`');
    rules.push(['patternProperties', array(patterns)]);
  }
  const additional = additionalProperties(node, ctx, emit);
  if (additional) {
    rules.push(['known', array(Object.keys(properties).map(str))]);
    rules.push(['additional', additional]);
  }
  if ('propertyNames' in node) {
    rules.push(['propertyNames', emit(node.propertyNames, child(ctx, ['propertyNames']))]);
  }
  if ('dependentRequired' in node) {
    const deps = record(node, 'dependentRequired', ctx);
    rules.push([
      'dependentRequired',
      array(
        Object.entries(deps).map(([k, names]) => {
          if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
            throw new ValidatorGenerationError(
              'dependentRequired',
              childPointer(ctx.pointer, 'dependentRequired', k),
              'must be an array of strings',
            );
          return array([str(k), array(names.map((n: string) => str(n)))]);
        }),
      ),
    ]);
  }
  if ('dependentSchemas' in node) {
    ctx.typeGap('`dependentSchemas`');
    const deps = record(node, 'dependentSchemas', ctx);
    rules.push([
      'dependentSchemas',
      array(
        Object.entries(deps).map(([k, sub]) =>
          array([str(k), emit(sub, child(ctx, ['dependentSchemas', k]))]),
        ),
      ),
    ]);
  }
  const typed = shapeSchema(node, shape, ctx, emit);
  // Objects: runtime/object.ts `openObject` keeps the input's keys and runs the key rules on it.
  if (!isRecord(typed)) {
    const args: ts.Expression[] = [typed];
    if (rules.length > 0)
      args.push(
        f.createCallExpression(runtime(ctx, 'keyword-checks', 'objectRulesFn'), undefined, [
          objectLiteral(rules, false),
        ]),
      );
    const open = f.createCallExpression(runtime(ctx, 'object', 'openObject'), undefined, args);
    // `additionalProperties: true` beside properties: openapi-typescript writes
    // `{ a?: string } & { [key: string]: unknown }`, which is what this intersection infers.
    if (node.additionalProperties !== true || shape.length === 0) return open;
    return zCall('intersection', open, zCall('record', zCall('string'), zCall('unknown')));
  }
  // A shape-less member: the input leads an intersection instead.
  const input =
    rules.length === 0
      ? zCall('unknown')
      : method(
          zCall('unknown'),
          'check',
          f.createCallExpression(runtime(ctx, 'keyword-checks', 'objectRules'), undefined, [
            objectLiteral(rules, false),
          ]),
        );
  return zCall('intersection', input, typed);
}

/**
 * The typed part: `z.object(shape)` (as openapi-typescript: the declared properties, no index
 * signature), `z.record` for a map (`additionalProperties: <schema>` alone), `z.looseObject` for
 * `additionalProperties: true` (`[key: string]: unknown`).
 */
function shapeSchema(
  node: SchemaNode,
  shape: [string, ts.Expression][],
  ctx: EmitContext,
  emit: EmitSchema,
): ts.Expression {
  const additional = node.additionalProperties;
  // A member under an object-typed parent that only adds key rules (`anyOf: [{required: [a]}]`):
  // the parent already checks the type, and openapi-typescript adds nothing to the type for it.
  if (
    node.type === undefined &&
    shape.length === 0 &&
    (additional === undefined || additional === true)
  )
    return zCall('unknown');
  const literal = objectLiteral(shape);
  const anyValues = () => zCall('record', zCall('string'), zCall('unknown'));
  // `type: object` beside `allOf`/`anyOf`/`oneOf`/`$ref` and no properties: the members make
  // the type (openapi-typescript adds nothing), this part only checks that the value is an object.
  const composed = ['allOf', 'anyOf', 'oneOf', '$ref'].some((k) => k in node);
  if (shape.length === 0 && composed && (additional === undefined || additional === true))
    return method(zCall('unknown'), 'check', call(runtime(ctx, 'checks', 'objectType')));
  // No properties and `additionalProperties` absent, `true` or `false`: `z.looseObject({})`,
  // which infers exactly openapi-typescript's `Record<string, unknown>` (`emptyObjectsUnknown`,
  // which it prints for `additionalProperties: false` too) / `{ [key: string]: unknown }`, at the
  // cost of no extra bytes. `false` is still enforced: the key rules (objectRules) reject any key.
  if (
    shape.length === 0 &&
    (additional === true || additional === undefined || additional === false) &&
    !('patternProperties' in node)
  )
    return zCall('looseObject', objectLiteral([]));
  if (typeof additional === 'object' && additional !== null && !('patternProperties' in node)) {
    if (shape.length === 0)
      return zCall(
        'record',
        zCall('string'),
        emit(additional, child(ctx, ['additionalProperties'])),
      );
    ctx.typeGap('properties beside a typed `additionalProperties`');
  }
  return zCall('object', literal);
}

function patternProperties(node: SchemaNode, ctx: EmitContext, emit: EmitSchema): ts.Expression[] {
  if (!('patternProperties' in node)) return [];
  const map = record(node, 'patternProperties', ctx);
  return Object.entries(map).flatMap(([pattern, sub]) => {
    const where = childPointer(ctx.pointer, 'patternProperties', pattern);
    const checked = checkedPattern(pattern, where, ctx);
    const schema = emit(sub, child(ctx, ['patternProperties', pattern]));
    // An unusable pattern matches nothing we can check: its members count as additional.
    return checked === undefined ? [] : [array([unicodeRegExp(checked), schema])];
  });
}

function additionalProperties(
  node: SchemaNode,
  ctx: EmitContext,
  emit: EmitSchema,
): ts.Expression | undefined {
  const additional = node.additionalProperties;
  if (additional === undefined || additional === true) return undefined;
  if (additional === false) return ctx.mode === 'exact' ? zCall('never') : undefined;
  if (typeof additional === 'object' && additional !== null && !Array.isArray(additional))
    return emit(additional, child(ctx, ['additionalProperties']));
  throw new ValidatorGenerationError(
    'additionalProperties',
    childPointer(ctx.pointer, 'additionalProperties'),
    'must be a boolean or a schema',
  );
}

/** `z.unknown()` or `z.unknown().check(...)`: no Zod object or record to hook. */
function isRecord(expression: ts.Expression): boolean {
  if (!ts.isCallExpression(expression)) return false;
  const callee = expression.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    (callee.name.text === 'record' ||
      callee.name.text === 'unknown' ||
      callee.name.text === 'check')
  );
}

/** True when the emitted schema surely rejects `undefined`: it has a `type`, `enum` or `const`. */
function rejectsUndefined(node: unknown, ctx: EmitContext, depth: number): boolean {
  if (typeof node !== 'object' || node === null || depth > 8) return false;
  const schema = node as SchemaNode;
  if ('type' in schema || 'const' in schema) return true;
  if (Array.isArray(schema.enum) && !schema.enum.includes(undefined)) return true;
  if (Array.isArray(schema.allOf) && schema.allOf.some((m) => rejectsUndefined(m, ctx, depth + 1)))
    return true;
  if (typeof schema.$ref === 'string')
    return rejectsUndefined(ctx.resolve(schema.$ref), ctx, depth + 1);
  return false;
}

/** Parameter names reach a Zod shape; `__proto__` cannot be a shape key. */
export function assertPropertyName(name: string, pointer: string): void {
  if (name === '__proto__')
    throw new ValidatorGenerationError(
      'properties',
      pointer,
      'a parameter named __proto__ cannot be validated by Zod (it skips that key)',
    );
}

function record(node: SchemaNode, keyword: string, ctx: EmitContext): Record<string, unknown> {
  const value = node[keyword] ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ValidatorGenerationError(
      keyword,
      childPointer(ctx.pointer, keyword),
      'must be an object',
    );
  return value as Record<string, unknown>;
}

export function requiredList(node: SchemaNode, ctx: EmitContext): string[] {
  const value = node.required ?? [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new ValidatorGenerationError(
      'required',
      childPointer(ctx.pointer, 'required'),
      'must be an array of strings',
    );
  return [...new Set(value as string[])];
}
