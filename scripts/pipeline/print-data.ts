/**
 * Prints JSON data as a TypeScript expression in exactly the layout Prettier gives
 * `JSON.stringify(value, null, 2)` under this repository's config (print width 100, single quotes,
 * trailing commas), without running Prettier: a stage emitting a large data literal (the mock's
 * route table: 225 KB on Car Owner, 0.3–0.5 s of Prettier per cold run) marks the file
 * `formatted`.
 *
 * The rules, as Prettier 3 applies them (`test/pipeline/print-data.test.ts` compares the two):
 * a non-empty object stays expanded (the input has a newline after `{`) and so does every array
 * holding one, or holding only arrays of two or more items; other arrays go on one line when they
 * fit, else one item per line; a key is
 * unquoted when it is an ASCII identifier name; a number array that does not fit fills its lines; a string takes single quotes unless it holds more
 * single than double quotes; a string property that overflows breaks after the colon unless its
 * key is shorter than 5 columns. One deliberate difference: an own `__proto__` key is printed
 * `['__proto__']` (Prettier would unquote it, and `{ __proto__: x }` sets the prototype instead
 * of a key: the mock would lose it from an example). Where Prettier would do something these rules do not cover (a
 * non-ASCII key, which may be an identifier; a number or boolean that overflows), `printData` returns undefined and the caller
 * leaves the file to Prettier.
 */
import { stringWidth } from './doc-print.ts';
import {
  IDENTIFIER,
  objectKey,
  PRINT_WIDTH,
  prettierNumber,
  quoteString,
  Unsure,
} from './print-literals.ts';

/** Prettier's spelling of a number literal (`1e+21` -> `1e21`). */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Unsure();
  const json = JSON.stringify(value);
  return json.startsWith('-') ? `-${prettierNumber(json.slice(1))}` : prettierNumber(json);
}

/** Columns as Prettier counts them (wide characters and emoji take two). */
function width(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}

const isExpanded = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (Array.isArray(value) ? value.some(isExpanded) : Object.keys(value).length > 0);

/** Prettier breaks an array of two or more arrays (or objects) that each hold two or more items. */
function isTable(value: unknown[]): boolean {
  const kind = (v: unknown) =>
    typeof v !== 'object' || v === null ? undefined : Array.isArray(v) ? 'array' : 'object';
  return (
    value.length > 1 &&
    value.every(
      (v, i) =>
        kind(v) !== undefined &&
        (i === value.length - 1 || kind(value[i + 1]) === kind(v)) &&
        (Array.isArray(v) ? v.length : Object.keys(v as object).length) > 1,
    )
  );
}

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return quoteString(value);
  throw new Unsure();
}

/** The one-line form of a value that holds no non-empty object. */
function flat(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return '{}';
  return scalar(value);
}

/** A number array that does not fit on its line: as many numbers per line as fit (Prettier's fill). */
function filled(numbers: number[], indent: number): string {
  const pad = ' '.repeat(indent + 2);
  const lines: string[] = [];
  let line = '';
  for (const n of numbers) {
    const item = `${numberText(n)},`;
    if (line && width(line) + 1 + item.length <= PRINT_WIDTH) line += ` ${item}`;
    else {
      if (line) lines.push(line);
      line = `${pad}${item}`;
    }
  }
  lines.push(line);
  return `[\n${lines.join('\n')}\n${' '.repeat(indent)}]`;
}

/**
 * `value` printed where `lead` columns of its first line are taken, `tail` columns follow its
 * last line (`,`), and `indent` is the indentation of the line it starts on.
 */
function print(value: unknown, indent: number, lead: number, tail: number): string {
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!isExpanded(value) && !isTable(value)) {
      const line = flat(value);
      if (lead + width(line) + tail <= PRINT_WIDTH) return line;
      if (value.every((v) => typeof v === 'number')) return filled(value, indent);
    }
    const items = value.map((v) => `${pad}${print(v, indent + 2, indent + 2, 1)},`);
    return `[\n${items.join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, v]) => {
      if (!IDENTIFIER.test(key) && !/^[\u0000-\u007f]*$/.test(key)) throw new Unsure();
      // Prettier unquotes `'__proto__'`, which would set the prototype instead of an own key
      const name = key === '__proto__' ? "['__proto__']" : objectKey(key);
      const start = indent + 2 + width(name) + 2;
      if (typeof v === 'object' && v !== null)
        return `${pad}${name}: ${print(v, indent + 2, start, 1)},`;
      const text = scalar(v);
      const fits = start + width(text) + 1 <= PRINT_WIDTH;
      // how Prettier lays out an overflowing number or boolean is not modelled
      if (!fits && typeof v !== 'string') throw new Unsure();
      // a string breaks after the colon, unless its key is too short for that to help
      if (fits || width(name) < 5) return `${pad}${name}: ${text},`;
      return `${pad}${name}:\n${pad}  ${text},`;
    });
    return `{\n${lines.join('\n')}\n${' '.repeat(indent)}}`;
  }
  return scalar(value);
}

/**
 * `value` as Prettier prints it after `before` on a line of its own at column 0 (e.g.
 * `export const routes: readonly RouteSpec[] = `), followed by `after` (e.g. `;`), or undefined
 * when the rules above cannot promise Prettier's layout.
 */
export function printData(before: string, value: unknown, after: string): string | undefined {
  try {
    return `${before}${print(value, 0, width(before), width(after))}${after}`;
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}
