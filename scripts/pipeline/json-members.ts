/**
 * Whether `JSON.parse` read a JSON text as Redocly's parser (js-yaml) would, so the screen's parse
 * can be handed to Redocly instead of being done again (GitHub's 12.7 MB spec: 0.4-0.6 s of
 * js-yaml against 20 ms for the checks below). The two differ in two ways on JSON:
 * - a key twice in one object: `JSON.parse` keeps the last, js-yaml refuses the file;
 * - a number past a double's range (`1e400`): `JSON.parse` reads Infinity, js-yaml a string.
 */
import { stringEnd } from './json-locate.ts';

/** Object members in a JSON text: the strings followed by a `:` (only keys are). */
function keysInText(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1;) {
    let next = stringEnd(text, i);
    let code = text.charCodeAt(next);
    while (code === 32 || code === 10 || code === 13 || code === 9) code = text.charCodeAt(++next);
    if (code === 58) count++;
    i = text.indexOf('"', next);
  }
  return count;
}

/** Members of every object in a parsed value, or -1 at a number that is not finite. */
function keysInValue(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? 0 : -1;
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  if (!Array.isArray(value)) count += children.length;
  for (const child of children) {
    if (typeof child !== 'object' && typeof child !== 'number') continue;
    const inner = keysInValue(child);
    if (inner < 0) return -1;
    count += inner;
  }
  return count;
}

/** `value` is `JSON.parse(text)`: whether Redocly's parser would read the same data. */
export function readsAsRedocly(text: string, value: unknown): boolean {
  const inValue = keysInValue(value);
  return inValue >= 0 && inValue === keysInText(text);
}
