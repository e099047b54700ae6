/**
 * Build-time syntax highlighting for the languages the site shows: shell (cURL), JavaScript /
 * TypeScript (fetch, axios, typed client) and JSON. Output is escaped text in `<span class="t-…">`
 * tokens coloured by docs.css. We do not use Shiki: its output colours tokens with inline `style`
 * attributes, which our CSP (`style-src 'self'`) blocks, and it costs a WASM regex engine and
 * grammar loading per build, while these three small grammars need one regex pass each.
 */
import { escapeHtml } from '../escape.ts';

export type HighlightLang = 'shell' | 'js' | 'json' | 'text';

/** Token classes: s string, k keyword, n number, c comment, p property/flag, v variable, l literal. */
type Rule = [cls: string, re: RegExp];

const JS_KEYWORDS =
  'await|async|const|let|var|new|return|if|else|import|from|export|function|throw|try|catch|of|in|for|while|typeof|instanceof';

/** Characters a token of each grammar can start with: the scanner jumps over everything else. */
const STARTS: Record<Exclude<HighlightLang, 'text'>, RegExp> = {
  shell: /[#'"$\-a-z]/g,
  js: /[/"'`A-Za-z_$0-9]/g,
  json: /["\-0-9tfn]/g,
};

const GRAMMARS: Record<Exclude<HighlightLang, 'text'>, Rule[]> = {
  shell: [
    ['c', /#[^\n]*/y],
    ['s', /'[^']*'/y],
    ['s', /"(?:[^"\\]|\\.)*"/y],
    ['v', /\$[A-Za-z_][A-Za-z0-9_]*/y],
    ['p', /(?<=\s)--?[A-Za-z][\w-]*/y],
    ['k', /\b(?:curl|export)\b/y],
  ],
  js: [
    ['c', /\/\/[^\n]*|\/\*[\s\S]*?\*\//y],
    ['s', /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/y],
    ['k', new RegExp(`\\b(?:${JS_KEYWORDS})\\b`, 'y')],
    ['l', /\b(?:true|false|null|undefined)\b/y],
    ['n', /\b\d+(?:\.\d+)?\b/y],
    ['p', /\b[A-Za-z_$][\w$]*(?=\s*:)/y],
  ],
  json: [
    ['p', /"(?:[^"\\\n]|\\.)*"(?=\s*:)/y],
    ['s', /"(?:[^"\\\n]|\\.)*"/y],
    ['l', /\b(?:true|false|null)\b/y],
    ['n', /-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/y],
  ],
};

/**
 * Each highlighted block, by language and code: a large spec shows the same example in many
 * places (Stripe: 16 of the 18.5 MB highlighted were repeats). Bounded, as markdown.ts's memo is.
 */
const highlighted = new Map<string, string>();
let highlightedChars = 0;

/** Escaped, highlighted HTML for `code`; `text` (or anything unknown) is only escaped. */
export function highlight(code: string, lang: HighlightLang): string {
  const key = `${lang}\0${code}`;
  const hit = highlighted.get(key);
  if (hit !== undefined) return hit;
  const html = highlightUncached(code, lang);
  if (highlightedChars > 32_000_000) {
    highlighted.clear();
    highlightedChars = 0;
  }
  highlighted.set(key, html);
  highlightedChars += key.length + html.length;
  return html;
}

/** A token's escaped text; a `"…"` token (most JSON tokens) escapes only what is inside. */
function escapeToken(token: string): string {
  return token.length > 1 && token[0] === '"' && token.at(-1) === '"'
    ? `&quot;${escapeHtml(token.slice(1, -1))}&quot;`
    : escapeHtml(token);
}

/** A run of identifier characters, skipped at once so keywords only match at word starts. */
const WORD = /[A-Za-z0-9_$]+/y;

// `test` and `lastIndex`, not `exec`: no match array per token (Stripe's samples: about 110 MB)
function highlightUncached(code: string, lang: HighlightLang): string {
  const rules = lang === 'text' ? undefined : GRAMMARS[lang];
  if (!rules) return escapeHtml(code);
  const starts = STARTS[lang as keyof typeof STARTS];
  let out = '';
  let plain = '';
  let i = 0;
  outer: while (i < code.length) {
    starts.lastIndex = i;
    if (!starts.test(code)) break;
    const next = starts.lastIndex - 1;
    if (next > i) {
      plain += code.slice(i, next);
      i = next;
    }
    for (const [cls, re] of rules) {
      re.lastIndex = i;
      if (re.test(code) && re.lastIndex > i) {
        out +=
          escapeHtml(plain) +
          `<span class="t-${cls}">${escapeToken(code.slice(i, re.lastIndex))}</span>`;
        plain = '';
        i = re.lastIndex;
        continue outer;
      }
    }
    WORD.lastIndex = i;
    const step = WORD.test(code) ? WORD.lastIndex - i : 1;
    plain += code.slice(i, i + step);
    i += step;
  }
  return out + escapeHtml(plain + code.slice(i));
}
