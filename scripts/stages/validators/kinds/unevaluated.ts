/**
 * `unevaluatedProperties` / `unevaluatedItems`: the emitter writes down which members the schema
 * and its in-place subschemas (`allOf`, `anyOf`, `oneOf`, `if`/`then`/`else`, `dependentSchemas`,
 * `$ref`) evaluate, with the subschema whose success decides it where that depends on the value;
 * runtime/unevaluated.ts collects them per value (JSON Schema 2020-12 section 11).
 */
import ts from '../../../pipeline/typescript-cjs.js';
import { array, num, objectLiteral, str, unicodeRegExp } from '../ast.ts';
import { child, runtime, type EmitContext, type SchemaNode } from '../context.ts';
import type { EmitSchema } from './types.ts';

type Which = 'properties' | 'items';
const f = ts.factory;

export function emitUnevaluated(
  node: SchemaNode,
  ctx: EmitContext,
  emit: EmitSchema,
): ts.Expression[] {
  const checks: ts.Expression[] = [];
  for (const [keyword, which] of [
    ['unevaluatedProperties', 'properties'],
    ['unevaluatedItems', 'items'],
  ] as const) {
    if (!(keyword in node)) continue;
    const { [keyword]: schema, ...rest } = node;
    const described = describe(rest, ctx, which, emit, new Set([ctx.pointer]));
    checks.push(
      f.createCallExpression(runtime(ctx, 'unevaluated', keyword), undefined, [
        described,
        emit(schema, child(ctx, [keyword])),
      ]),
    );
  }
  return checks;
}

function describe(
  node: unknown,
  ctx: EmitContext,
  which: Which,
  emit: EmitSchema,
  stack: Set<string>,
): ts.Expression {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return objectLiteral([]);
  const schema = node as SchemaNode;
  const entries: [string, ts.Expression][] = [];
  const own =
    which === 'properties'
      ? ['additionalProperties', 'unevaluatedProperties']
      : ['items', 'unevaluatedItems'];
  if (own.some((k) => k in schema)) return objectLiteral([['all', f.createTrue()]], false);
  if (which === 'properties') {
    const props = schema.properties;
    if (props && typeof props === 'object')
      entries.push(['names', array(Object.keys(props).map(str))]);
    const patterns = schema.patternProperties;
    if (patterns && typeof patterns === 'object')
      entries.push([
        'patterns',
        array(
          Object.keys(patterns).flatMap((p) => {
            try {
              new RegExp(p, 'u');
              return [unicodeRegExp(p)];
            } catch {
              return [];
            }
          }),
        ),
      ]);
  } else {
    if (Array.isArray(schema.prefixItems)) entries.push(['prefix', num(schema.prefixItems.length)]);
    if ('contains' in schema)
      entries.push(['contains', emit(schema.contains, child(ctx, ['contains']))]);
  }
  const sub: ts.Expression[] = [];
  const inner = (n: unknown, segs: (string | number)[]) =>
    describe(n, child(ctx, segs), which, emit, stack);
  const entry = (evaluated: ts.Expression, extra: [string, ts.Expression][] = []) =>
    objectLiteral([...extra, ['evaluated', evaluated]], false);
  if (Array.isArray(schema.allOf))
    schema.allOf.forEach((m, i) => sub.push(entry(inner(m, ['allOf', i]))));
  for (const keyword of ['anyOf', 'oneOf'] as const)
    if (Array.isArray(schema[keyword]))
      (schema[keyword] as unknown[]).forEach((m, i) =>
        sub.push(
          entry(inner(m, [keyword, i]), [['when', emit(m, child(ctx, [keyword, i], true))]]),
        ),
      );
  if ('if' in schema) {
    const condition = () => emit(schema.if, child(ctx, ['if'], true));
    const then = objectLiteral(
      [
        [
          'sub',
          array([
            entry(inner(schema.if, ['if'])),
            ...('then' in schema ? [entry(inner(schema.then, ['then']))] : []),
          ]),
        ],
      ],
      false,
    );
    sub.push(entry(then, [['when', condition()]]));
    if ('else' in schema) sub.push(entry(inner(schema.else, ['else']), [['unless', condition()]]));
  }
  if (
    which === 'properties' &&
    schema.dependentSchemas &&
    typeof schema.dependentSchemas === 'object'
  )
    for (const [key, m] of Object.entries(schema.dependentSchemas))
      sub.push(entry(inner(m, ['dependentSchemas', key]), [['key', str(key)]]));
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#') && !stack.has(schema.$ref)) {
    const target = ctx.resolve(schema.$ref);
    if (target !== undefined)
      sub.push(
        entry(
          describe(
            target,
            { ...ctx, pointer: schema.$ref },
            which,
            emit,
            new Set([...stack, schema.$ref]),
          ),
        ),
      );
  }
  if (sub.length > 0) entries.push(['sub', array(sub)]);
  return objectLiteral(entries, false);
}
