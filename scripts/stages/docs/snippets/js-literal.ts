/** JavaScript literals for snippet values: `JSON.stringify`, safe inside any JS source file. */

/** A JS expression that evaluates to `value` exactly (JSON text is a JS expression). */
export function jsValue(value: unknown, indent = 0): string {
  const json = JSON.stringify(value, null, 2) ?? 'undefined';
  // `{"__proto__": …}` in an object literal sets the prototype instead of a key: parse it instead
  const text = /"__proto__"\s*:/.test(json)
    ? `JSON.parse(${JSON.stringify(JSON.stringify(value))})`
    : json;
  const pad = ' '.repeat(indent);
  return text.replace(/\n/g, `\n${pad}`);
}

/** A JS string literal. */
export const jsString = (value: string): string => JSON.stringify(value);

/** The line that sets the base URL in a JS snippet (the docs UI rewrites exactly this line). */
export function jsBaseLine(baseUrl: string): string {
  return `const BASE_URL = ${jsString(baseUrl)};`;
}
