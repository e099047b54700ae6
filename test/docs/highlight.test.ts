/**
 * The build-time highlighter: whatever the code, its HTML shows exactly that code (tags stripped,
 * entities decoded) and carries no markup of its own making; a block seen before (the memo)
 * comes back the same, per language.
 */
import { describe, expect, it } from 'vitest';
import { highlight, type HighlightLang } from '../../scripts/stages/docs/html/highlight.ts';

const decode = (html: string) =>
  html
    .replace(/<span class="t-[a-z]+( base)?">|<\/span>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) =>
      e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === '#39' ? "'" : '&',
    );

let seed = 99;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const STRINGS = ['plain', 'a "quote"', "it's", '<script>', 'a & b', '&amp;', 'back\\slash', ''];

function value(depth: number): unknown {
  const r = random();
  if (depth > 3 || r < 0.4) return pick<unknown>([1, -2.5, 1e21, true, false, null, ...STRINGS]);
  if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
  return Object.fromEntries(
    Array.from({ length: Math.floor(random() * 4) }, () => [pick(STRINGS), value(depth + 1)]),
  );
}

describe('highlight', () => {
  it('shows every generated JSON example exactly, escaped, in every language', () => {
    for (let n = 0; n < 300; n++) {
      const code = JSON.stringify(value(0), null, 2);
      for (const lang of ['json', 'js', 'shell', 'text'] as HighlightLang[]) {
        const html = highlight(code, lang);
        expect(html, code).not.toMatch(/<(?!\/?span)|&(?!(lt|gt|quot|#39|amp);)/);
        expect(decode(html), `${lang}: ${code}`).toBe(code);
        expect(highlight(code, lang)).toBe(html); // from the memo, the same
      }
    }
  });

  it('marks JSON keys, strings and literals, and keeps each language apart in the memo', () => {
    const code = '{"a<b": "x & y", "n": null}';
    const json = highlight(code, 'json');
    expect(json).toBe(
      '{<span class="t-p">&quot;a&lt;b&quot;</span>: <span class="t-s">&quot;x &amp; y&quot;</span>, <span class="t-p">&quot;n&quot;</span>: <span class="t-l">null</span>}',
    );
    expect(highlight(code, 'text')).toBe(
      '{&quot;a&lt;b&quot;: &quot;x &amp; y&quot;, &quot;n&quot;: null}',
    );
  });
});
