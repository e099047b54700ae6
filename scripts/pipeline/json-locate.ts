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
export function stringEnd(text: string, i: number): number {
  for (let j = text.indexOf('"', i + 1); j !== -1; j = text.indexOf('"', j + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return j + 1;
  }
  return text.length;
}

/** A string's start or a bracket: what a container scan stops at (native regex, not a loop). */
const STRUCTURE = /["{}[\]]/g;
const QUOTE = 34; // "
const OPEN_BRACE = 123; // {
const OPEN_BRACKET = 91; // [

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
  // `test`, not `exec`: no match array per mark (GitHub's spec: 109 MB of them, for the GC)
  while (STRUCTURE.test(text)) {
    const at = STRUCTURE.lastIndex - 1;
    const ch = text.charCodeAt(at);
    if (ch === QUOTE) STRUCTURE.lastIndex = stringEnd(text, at);
    else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) depth++;
    else if (--depth === 0) return at + 1;
  }
  return text.length;
}

interface Trie {
  /** By `k<key>` for an object member, `#<index>` for an array element. */
  children: Map<string, Trie>;
  /** Indexes of the paths that end here. */
  ends: number[];
}

/**
 * The offset of the value at each path (object keys and array indexes) in the JSON `text`, or
 * undefined where the text holds no such value: one descent for all of them, so a file with
 * hundreds of findings is still read once, skipping every value no path enters.
 */
export function jsonValueOffsets(
  text: string,
  paths: readonly (readonly (string | number)[])[],
): (number | undefined)[] {
  const offsets: (number | undefined)[] = paths.map(() => undefined);
  const root: Trie = { children: new Map(), ends: [] };
  paths.forEach((path, index) => {
    let node = root;
    for (const segment of path) {
      const key = typeof segment === 'number' ? `#${segment}` : `k${segment}`;
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { children: new Map(), ends: [] }));
      node = child;
    }
    node.ends.push(index);
  });
  const visit = (start: number, node: Trie): void => {
    if (start >= text.length) return;
    for (const index of node.ends) offsets[index] = start;
    if (node.children.size === 0) return;
    const object = text[start] === '{';
    if (!object && text[start] !== '[') return;
    let i = skipWhitespace(text, start + 1);
    for (let n = 0; i < text.length && text[i] !== (object ? '}' : ']'); n++) {
      let key = `#${n}`;
      if (object) {
        if (text[i] !== '"') return;
        const keyEnd = stringEnd(text, i);
        key = `k${JSON.parse(text.slice(i, keyEnd) || '""') as string}`;
        i = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past the `:`
      }
      const child = node.children.get(key);
      if (child) visit(i, child);
      i = skipWhitespace(text, valueEnd(text, i));
      if (text[i] === ',') i = skipWhitespace(text, i + 1);
    }
  };
  visit(skipWhitespace(text, 0), root);
  return offsets;
}

/** The offset of the value at one path (jsonValueOffsets for one). */
export const jsonValueOffset = (
  text: string,
  path: readonly (string | number)[],
): number | undefined => jsonValueOffsets(text, [path])[0];

/** 1-based line and column of an offset, as `yaml`'s LineCounter gives them. */
export const lineCol = (text: string, offset: number): { line: number; col: number } =>
  lineCols(text, [offset])[0]!;

/** lineCol for many offsets in one pass over the text's line breaks. */
export function lineCols(
  text: string,
  offsets: readonly number[],
): { line: number; col: number }[] {
  const out: { line: number; col: number }[] = [];
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  let line = 1;
  let start = 0;
  let next = text.indexOf('\n');
  for (const i of order) {
    const offset = offsets[i]!;
    while (next !== -1 && next < offset) {
      line++;
      start = next + 1;
      next = text.indexOf('\n', start);
    }
    out[i] = { line, col: offset - start + 1 };
  }
  return out;
}
