import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, tooDeep } from '../../scripts/pipeline/resource-limits.ts';

/** The scan as first written, one character at a time: the reference for the faster one. */
function reference(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      if (++depth > LIMITS.depth) return i;
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

describe('tooDeep', () => {
  const limit = LIMITS.depth;

  it('finds the bracket that nests past the limit, skipping quoted text', () => {
    const deep = '['.repeat(limit + 1);
    expect(tooDeep(`a: ${deep}`)).toBe(3 + limit);
    expect(tooDeep(`a: "${deep}"`)).toBeUndefined();
    expect(tooDeep(`a: '${deep}'`)).toBeUndefined();
    // an escaped quote does not close a double-quoted run; in single quotes `\` is plain text
    expect(tooDeep(`a: "\\"${deep}"`)).toBeUndefined();
    expect(tooDeep(`a: '\\'${deep}`)).toBe(6 + limit);
    expect(tooDeep(`a: "\\\\"${deep}`)).toBe(7 + limit);
    expect(tooDeep(`${'[]'.repeat(limit)}{}`)).toBeUndefined();
  });

  it('answers as the character-by-character scan on random bracket-heavy text', () => {
    const piece = fc.oneof(
      fc.constantFrom('[', '{', ']', '}', '"', "'", '\\', '\n', 'a', ' '),
      fc.constant('['.repeat(limit / 4)),
      fc.constant('{'.repeat(limit / 2)),
      fc.constant(']'.repeat(limit / 4)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(tooDeep(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
