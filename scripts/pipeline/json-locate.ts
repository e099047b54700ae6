/**
 * Where a value sits in a JSON text, found without parsing the whole text with positions: the
 * scan descends to the value along its path, skipping every other value by its brackets and
 * strings. A finding in a large JSON spec the screen passed (spec-screen.ts: GitHub's 12.7 MB
 * spec holds five live-looking example tokens) is located this way in tens of milliseconds,
 * where `yaml`'s positional parse of the file took 3 s and most of the precheck's memory.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  return i;
}

/** The index after the string that opens at `i` (a `"`): the next `"` not escaped. */
function stringEnd(text: string, i: number): number {
  for (let j = text.indexOf('"', i + 1); j !== -1; j = text.indexOf('"', j + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return j + 1;
  }
  return text.length;
}

/** A string's start or a bracket: what a container scan stops at (native regex, not a loop). */
const STRUCTURE = /["{}[\]]/g;

/** The index after the value that starts at `i`. */
function valueEnd(text: string, i: number): number {
  const first = text[i];
  if (first === '"') return stringEnd(text, i);
  if (first !== '{' && first !== '[') {
    let j = i;
    while (j < text.length && !',]}'.includes(text[j]!) && !WHITESPACE.has(text[j]!)) j++;
    return j;
  }
  let depth = 0;
  STRUCTURE.lastIndex = i;
  for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
    const ch = m[0];
    if (ch === '"') STRUCTURE.lastIndex = stringEnd(text, m.index);
    else if (ch === '{' || ch === '[') depth++;
    else if (--depth === 0) return m.index + 1;
  }
  return text.length;
}

/**
 * The offset of the value at `path` (object keys and array indexes) in the JSON `text`, or
 * undefined when the text holds no such value.
 */
export function jsonValueOffset(
  text: string,
  path: readonly (string | number)[],
): number | undefined {
  let i = skipWhitespace(text, 0);
  for (const segment of path) {
    if (text[i] === '{') {
      i = skipWhitespace(text, i + 1);
      let found = false;
      while (text[i] === '"') {
        const keyEnd = stringEnd(text, i);
        const key = JSON.parse(text.slice(i, keyEnd)) as string;
        i = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past the `:`
        if (key === String(segment)) {
          found = true;
          break;
        }
        i = skipWhitespace(text, valueEnd(text, i));
        if (text[i] === ',') i = skipWhitespace(text, i + 1);
      }
      if (!found) return undefined;
    } else if (text[i] === '[' && typeof segment === 'number') {
      i = skipWhitespace(text, i + 1);
      for (let n = 0; n < segment; n++) {
        if (text[i] === ']' || i >= text.length) return undefined;
        i = skipWhitespace(text, valueEnd(text, i));
        if (text[i] !== ',') return undefined;
        i = skipWhitespace(text, i + 1);
      }
      if (text[i] === ']') return undefined;
    } else return undefined;
  }
  return i < text.length ? i : undefined;
}

/** 1-based line and column of an offset, as `yaml`'s LineCounter gives them. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}
