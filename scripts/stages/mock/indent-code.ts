/**
 * Indents Ajv's standalone code, which Ajv writes one statement per line (`code.lines`) and flush
 * left: each line is indented two spaces per block it is inside. Only braces outside strings,
 * comments and regular expression literals (Ajv's format patterns) count, so a `{` in a schema's
 * JSON, an error message or a pattern never shifts the code. The text of each line is kept as Ajv
 * wrote it: this changes whitespace at line starts and nothing else.
 */

/** After one of these (or at a line's start) a `/` opens a regular expression, not a division. */
const BEFORE_REGEX = new Set(['', '=', '(', ',', ':', '[', '!', '&', '|', '?', '{', '}', ';']);

/** The index of the `/` that closes the regular expression opened at `start`. */
function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i;
  }
  return text.length;
}

/** `code` with each line indented by the depth of the blocks it is in. */
export function indentCode(code: string): string {
  let depth = 0;
  let quote = ''; // the open string's quote, or '*' inside a block comment
  const out: string[] = [];
  for (const line of code.split('\n')) {
    const text = quote ? line : line.trimStart();
    const startsInString = quote !== '';
    let lowest = depth;
    let previous = ''; // the last character outside strings and comments that is not a space
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quote === '*') {
        if (c === '*' && text[i + 1] === '/') [quote, i] = ['', i + 1];
      } else if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '/' && text[i + 1] === '*') [quote, i] = ['*', i + 1];
      else if (c === '/' && text[i + 1] === '/') break;
      else if (c === '/' && BEFORE_REGEX.has(previous)) i = regexEnd(text, i);
      else if (c === '{') depth++;
      else if (c === '}') lowest = Math.min(lowest, --depth);
      if (!quote && c !== ' ') previous = c;
    }
    // a string or comment that runs across lines keeps its text exactly
    if (startsInString || text === '') out.push(text);
    else out.push(`${'  '.repeat(Math.max(0, lowest))}${text}`);
  }
  return out.join('\n');
}
