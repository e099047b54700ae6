/**
 * Escaping for untrusted spec text. Every string from the spec goes through one of these before it
 * reaches HTML: `&` always becomes `&amp;` (browsers decode `&reg=` without a semicolon as `®=`).
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Besides the five, every character above U+00FF becomes a character reference: one such
 * character (a ’ in a summary) made V8 hold a whole page as two bytes per character, which
 * doubled the cost of joining, encoding and hashing Stripe's 44 MB of pages. Browsers show the
 * same text; a surrogate pair is one reference.
 */
const SPECIAL = /[&<>"'\u0100-\uffff]/;
const ESCAPED = /[&<>"']|[\ud800-\udbff][\udc00-\udfff]|[\u0100-\uffff]/g;

const escapeChar = (c: string) => HTML_ESCAPES[c] ?? `&#x${c.codePointAt(0)!.toString(16)};`;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  const text = String(value);
  // most tokens hold nothing to escape; the callback replace was a tenth of Stripe's docs stage
  return SPECIAL.test(text) ? text.replace(ESCAPED, escapeChar) : text;
}

const WIDE = /[\u0100-\uffff]/;
const WIDE_CHARS = /[\ud800-\udbff][\udc00-\udfff]|[\u0100-\uffff]/g;

/** Trusted HTML with every character above U+00FF as a reference (see `SPECIAL`). */
export function latin1Html(html: string): string {
  return WIDE.test(html) ? html.replace(WIDE_CHARS, escapeChar) : html;
}

/** URL schemes a link may use; anything else (javascript:, data:, vbscript:, …) is dropped. */
export const ALLOWED_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/**
 * Returns the URL if it is absolute with an allowed scheme, or a same-page fragment (`#…`);
 * otherwise `undefined`. Control characters and whitespace that browsers strip are rejected first,
 * so `java\tscript:` cannot sneak past the scheme check.
 */
export function safeUrl(raw: string): string | undefined {
  const url = raw.trim();
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f\s]/.test(url)) return undefined;
  if (/^#[\w-]*$/.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return (ALLOWED_SCHEMES as readonly string[]).includes(parsed.protocol) ? url : undefined;
}

/** A safe anchor, or the escaped text alone when the URL is not allowed. */
export function link(href: string, text: string, attrs = ''): string {
  const url = safeUrl(href);
  if (!url) return escapeHtml(text);
  const external = /^(https?|mailto):/i.test(url) ? ' rel="noopener noreferrer nofollow"' : '';
  return `<a href="${escapeHtml(url)}"${external}${attrs}>${escapeHtml(text)}</a>`;
}

/** Lower-case, dash-separated id fragment from any text (stable across runs). */
export function slugify(text: string): string {
  return (
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** An HTML id built from spec text: only [A-Za-z0-9_-] survive, so it is safe in href and id. */
export function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
