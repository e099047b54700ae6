/**
 * Prettier's spellings of literals and keys under this repository's config, shared by the layout
 * printers (print-data.ts, print-types.ts, print-type-docs.ts, print-statements.ts, the client's
 * operation table). Apart from print-data.ts, which measures wide characters with Prettier's own
 * width function: a run whose files are all printed by these never loads Prettier.
 */

/** Prettier's `printWidth` in this repository (.prettierrc.json). */
export const PRINT_WIDTH = 100;
/** A key Prettier unquotes (quoteProps as-needed): an ASCII identifier name. */
export const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Thrown by the layout printers for what they do not model: the caller falls back to Prettier. */
export class Unsure extends Error {}

/** Prettier's quotes for a string, from its JSON spelling. */
export function quoteString(value: string): string {
  return prettierString(JSON.stringify(value));
}

/** Prettier's spelling of an object key (`'__proto__'` aside: Prettier unquotes it too). */
export function objectKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quoteString(key);
}

/**
 * Prettier's spelling of a double-quoted string literal whose only escapes are `\"`, `\\` and
 * `\uXXXX` (JSON's, or the TypeScript printer's): single quotes unless that needs more escapes.
 */
export function prettierString(raw: string): string {
  const content = raw.slice(1, -1);
  let singles = 0;
  let doubles = 0;
  for (const ch of content) {
    if (ch === "'") singles++;
    else if (ch === '"') doubles++;
  }
  if (singles > doubles) return raw;
  return `'${content.replace(
    /\\(["'\\])|(['"])/g,
    (all, escaped: string | undefined, bare: string | undefined) =>
      escaped ? (escaped === '"' ? '"' : all) : bare === "'" ? "\\'" : (bare as string),
  )}'`;
}

/** Prettier's spelling of an unsigned number literal's text (src/utilities/print-number.js). */
export function prettierNumber(text: string): string {
  return text
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, '$1$2')
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
    .replace(/^([+-])?\./, '$10.')
    .replace(/(\.\d+?)0+(?=e|$)/, '$1')
    .replace(/\.(?=e|$)/, '');
}
