/**
 * Small builders over the TypeScript factory. Every spec string reaches the output through
 * `factory.createStringLiteral`, which the printer escapes; nothing is spliced into source text.
 */
import ts from '../../pipeline/typescript-cjs.js';

const f = ts.factory;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `z.<name>(...args)` */
export function zCall(name: string, ...args: ts.Expression[]): ts.Expression {
  return f.createCallExpression(
    f.createPropertyAccessExpression(f.createIdentifier('z'), name),
    undefined,
    args,
  );
}

/** `<target>.<method>(...args)` */
export function method(
  target: ts.Expression,
  name: string,
  ...args: ts.Expression[]
): ts.Expression {
  return f.createCallExpression(f.createPropertyAccessExpression(target, name), undefined, args);
}

/** `<callee>(...args)` for an imported helper. */
export function call(callee: ts.Expression, ...args: ts.Expression[]): ts.Expression {
  return f.createCallExpression(callee, undefined, args);
}

export function num(value: number): ts.Expression {
  if (!Number.isFinite(value)) throw new Error(`not a JSON number: ${value}`);
  const literal = f.createNumericLiteral(String(Math.abs(value)));
  return value < 0 || Object.is(value, -0)
    ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, literal)
    : literal;
}

export function str(value: string): ts.StringLiteral {
  return f.createStringLiteral(value);
}

/** A property name that is always an own data property, `__proto__` included. */
export function propertyName(name: string): ts.PropertyName {
  return name === '__proto__' ? f.createComputedPropertyName(str(name)) : str(name);
}

/** Any JSON value as a TypeScript expression. */
export function json(value: Json): ts.Expression {
  if (value === null) return f.createNull();
  if (typeof value === 'boolean') return value ? f.createTrue() : f.createFalse();
  if (typeof value === 'number') return num(value);
  if (typeof value === 'string') return str(value);
  if (Array.isArray(value)) return f.createArrayLiteralExpression(value.map(json));
  return f.createObjectLiteralExpression(
    Object.entries(value).map(([k, v]) => f.createPropertyAssignment(propertyName(k), json(v))),
  );
}

/** `new RegExp("<pattern>", "u")`: JSON Schema patterns are ECMA-262 with Unicode semantics. */
export function unicodeRegExp(pattern: string): ts.Expression {
  return f.createNewExpression(f.createIdentifier('RegExp'), undefined, [str(pattern), str('u')]);
}

/** `{ "a": x, "b": y }` from ordered entries. */
export function objectLiteral(entries: [string, ts.Expression][], multiLine = true): ts.Expression {
  return f.createObjectLiteralExpression(
    entries.map(([k, v]) => f.createPropertyAssignment(propertyName(k), v)),
    multiLine,
  );
}

export function array(items: ts.Expression[]): ts.Expression {
  return f.createArrayLiteralExpression(items, false);
}
