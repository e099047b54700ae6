/** The allow-list Markdown renderer: raw HTML inert, URL schemes allow-listed, `&` always escaped. */
import { describe, expect, it } from 'vitest';
import {
  isPlainSentence,
  renderInlineMarkdown,
  renderMarkdown,
  renderWithMarked,
} from '../../scripts/stages/docs/markdown.ts';
import { safeUrl } from '../../scripts/stages/docs/escape.ts';

const cases: [string, string, { has?: string[]; not?: RegExp[] }][] = [
  ['raw script', '<script>alert(1)</script>', { has: ['&lt;script&gt;'], not: [/<script/i] }],
  ['inline img onerror', 'x <img src=x onerror=alert(1)>', { has: ['&lt;img'], not: [/<img/i] }],
  ['svg onload', '<svg onload=alert(1)>', { not: [/<svg/i] }],
  ['javascript link', '[x](javascript:alert(1))', { not: [/href/] }],
  ['mixed-case scheme', '[x](JaVaScRiPt:alert(1))', { not: [/href/] }],
  ['data link', '[x](data:text/html,hi)', { not: [/href/] }],
  ['protocol-relative', '[x](//evil.example)', { not: [/href/] }],
  ['image becomes a link', '![a](https://x.example/i.png)', { has: ['[image: a]'], not: [/<img/] }],
  [
    'https link kept, & escaped',
    '[ok](https://a.example/?b=1&reg=2)',
    { has: ['href="https://a.example/?b=1&amp;reg=2"'] },
  ],
  ['text &reg= escaped', '?registration_number=X&reg=Y', { has: ['X&amp;reg=Y'], not: [/&reg=/] }],
  ['entity shown literally', '&amp; &lt;b&gt;', { has: ['&amp;amp; &amp;lt;b&amp;gt;'] }],
  ['code span', '`a&reg=b <i>`', { has: ['<code>a&amp;reg=b &lt;i&gt;</code>'] }],
  ['autolink', '<https://a.example/?x&reg=y>', { has: ['https://a.example/?x&amp;reg=y'] }],
  ['mailto', '[m](mailto:api@minbil.no)', { has: ['href="mailto:api@minbil.no"'] }],
  ['fragment', '[f](#op-signIn)', { has: ['href="#op-signIn"'] }],
  ['headings demoted', '# Top', { has: ['<h3>Top</h3>'] }],
  [
    'link title quoted',
    '[t](https://a.example "x\\" onmouseover=\\"y")',
    { not: [/" onmouseover=/] },
  ],
];

describe('renderMarkdown', () => {
  it.each(cases)('%s', (_name, source, { has = [], not = [] }) => {
    const html = renderMarkdown(source);
    for (const s of has) expect(html).toContain(s);
    for (const r of not) expect(html).not.toMatch(r);
    // no tag carries an event handler attribute (quoted attribute values blanked first)
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+\s*=/i);
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://a.example', true],
    ['http://a.example', true],
    ['mailto:a@b.c', true],
    ['#x', true],
    ['javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['vbscript:x', false],
    ['data:text/html,x', false],
    ['file:///etc/passwd', false],
    ['relative/path', false],
  ])('%j allowed: %s', (url, ok) => expect(Boolean(safeUrl(url))).toBe(ok));
});

describe('the plain-sentence shortcut', () => {
  // words and the characters marked could read as syntax, glued at random (seeded, repeatable)
  const PIECES = [
    'Booking',
    'the',
    'id',
    'Workshop',
    'a',
    'x',
    '1',
    '2024',
    '1.',
    '3)',
    ' ',
    ' ',
    ' ',
    '  ',
    ',',
    '.',
    ';',
    ':',
    '(',
    ')',
    "'",
    '"',
    '?',
    '!',
    '/',
    '%',
    '+',
    '=',
    '-',
    '--',
    '---',
    'www.',
    'WWW.',
    'example.com',
    'http',
    '://',
    'https://a.example',
    'mailto:',
    '@',
    'a@b.no',
    '*',
    '_',
    '`',
    '~',
    '#',
    '>',
    '<',
    '&',
    '\\',
    '|',
    '[',
    ']',
    'é',
    '\t',
  ];
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentences = Array.from({ length: 20000 }, () =>
    Array.from(
      { length: 1 + Math.floor(random() * 12) },
      () => PIECES[Math.floor(random() * PIECES.length)],
    ).join(''),
  );

  it('renders what marked renders, for every generated sentence it takes', () => {
    const plain = sentences.filter(isPlainSentence);
    // enough of both kinds that the comparison means something
    expect(plain.length).toBeGreaterThan(300);
    expect(sentences.length - plain.length).toBeGreaterThan(300);
    for (const source of plain) {
      expect(renderMarkdown(source), source).toBe(renderWithMarked(source));
      expect(renderMarkdown(source, 3), source).toBe(renderWithMarked(source, 3));
      expect(renderInlineMarkdown(source), source).toBe(
        renderWithMarked(source, 3)
          .trim()
          .replace(/^<p>|<\/p>$/g, ''),
      );
    }
  });

  it('leaves to marked what it would read as syntax', () => {
    for (const source of [
      '- item',
      '1. first',
      'see www.minbil.no',
      'go https://a.example',
      'a@b.no',
      'hard break  ',
      '*bold*',
    ])
      expect(isPlainSentence(source), source).toBe(false);
  });
});
