/**
 * Markdown for untrusted spec text: a strict allow-list renderer over `marked`. Raw HTML is shown
 * as text, never passed through; links keep only http, https, mailto and same-page `#` targets;
 * images become plain links (no remote loads); every text run is escaped with `&` → `&amp;`, so
 * `&reg=` and `&lt;` show exactly as written. We chose this over DOMPurify because DOMPurify needs a
 * DOM on the server (jsdom), and an allow-list renderer cannot emit a tag it does not know.
 */
import { Marked, type Tokens } from 'marked';
import { escapeHtml, latin1Html, safeUrl } from './escape.ts';

function createRenderer(headingOffset: number): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      html: ({ text, block }: Tokens.HTML | Tokens.Tag) =>
        block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text),
      text(token: Tokens.Text | Tokens.Escape) {
        if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
        return escapeHtml(token.text);
      },
      codespan: ({ text }: Tokens.Codespan) => `<code>${escapeHtml(text)}</code>`,
      code: ({ text }: Tokens.Code) =>
        `<pre class="md-code"><code>${escapeHtml(text)}</code></pre>\n`,
      heading({ tokens, depth }: Tokens.Heading) {
        const level = Math.min(6, depth + headingOffset);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const url = safeUrl(href);
        if (!url) return inner;
        const rel = url.startsWith('#') ? '' : ' rel="noopener noreferrer nofollow"';
        const t = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(url)}"${t}${rel}>${inner}</a>`;
      },
      image({ href, text }: Tokens.Image) {
        const url = safeUrl(href);
        const label = `image: ${text || href}`;
        if (!url || url.startsWith('#')) return escapeHtml(`[${label}]`);
        return `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">[${escapeHtml(label)}]</a>`;
      },
      checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ '),
    },
  });
}

const renderers = new Map<number, Marked>();

/**
 * Renders untrusted Markdown to safe HTML. `headingOffset` demotes headings so a `#` in a spec
 * description never outranks the page's own headings.
 * @param headingOffset @default 2
 */
export function renderMarkdown(source: string | undefined, headingOffset = 2): string {
  if (!source) return '';
  if (isPlainSentence(source)) return `<p>${escapeHtml(source)}</p>\n`;
  // large specs repeat the same descriptions thousands of times (a schema on every operation)
  const key = `${headingOffset}\0${source}`;
  const hit = rendered.get(key);
  if (hit !== undefined) return hit;
  const html = renderWithMarked(source, headingOffset);
  if (rendered.size > 100_000) rendered.clear();
  rendered.set(key, html);
  return html;
}

const rendered = new Map<string, string>();

/** What marked and this module's renderer make of `source` (renderMarkdown without its shortcut). */
export function renderWithMarked(source: string, headingOffset = 2): string {
  let marked = renderers.get(headingOffset);
  if (!marked) {
    marked = createRenderer(headingOffset);
    renderers.set(headingOffset, marked);
  }
  return latin1Html(marked.parse(source, { async: false }));
}

/**
 * One line that marked renders as one plain paragraph, its text escaped: it starts with a letter
 * (no list, heading, quote or indented code), holds only letters, digits, spaces and prose
 * punctuation (no emphasis, code, link, HTML, entity, escape or table syntax), nothing GFM
 * autolinks (`www.`, `scheme://`, an e-mail's `@`), and no space at its end (a hard break).
 * Most one-line descriptions are this, and marked took a third of the docs stage on Car Owner;
 * test/docs/markdown.test.ts compares the shortcut with marked on generated sentences.
 */
const PLAIN = /^[A-Za-z][A-Za-z0-9 ,.;:()'"?!/%+=-]*$/;

export function isPlainSentence(source: string): boolean {
  return (
    PLAIN.test(source) && !source.endsWith(' ') && !source.includes('://') && !/www\./i.test(source)
  );
}

/** One line of Markdown without the surrounding `<p>` (table cells, summaries). */
export function renderInlineMarkdown(source: string | undefined): string {
  if (!source) return '';
  const html = renderMarkdown(source, 3).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}
