/** The landing page: what the API is, base URLs, auth flow, error shapes, pagination, 429, namespaces. */
import { escapeHtml, link } from '../escape.ts';
import { renderInlineMarkdown, renderMarkdown } from '../markdown.ts';
import type { OperationModel, TagModel } from '../operations.ts';
import { isObject, type Doc } from '../resolve.ts';
import { tagFileName } from '../tags.ts';
import { DEFAULT_BASE_URL } from '../snippets/request.ts';
import { codeBlock } from './code-block.ts';
import { slugify } from '../escape.ts';
import { opAnchor } from './operation.ts';
import { classifyErrors, BRANCHING_EXAMPLE } from './error-shapes.ts';

function opLink(tags: readonly TagModel[], op: OperationModel): string {
  const tag = tags.find((t) => t.operations.includes(op));
  const href = `${tag ? tagFileName(tag.slug) : ''}#${opAnchor(op)}`;
  return `<a href="${escapeHtml(href)}"><code>${escapeHtml(`${op.method.toUpperCase()} ${op.path}`)}</code></a>`;
}

function servers(doc: Doc): string {
  const rows = (doc.servers ?? [])
    .map(
      (s) =>
        `<tr><td>${link(s.url, s.url)}</td><td>${renderInlineMarkdown(s.description)}</td></tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table><thead><tr><th scope="col">URL</th><th scope="col">Environment</th></tr></thead><tbody>${rows}</tbody></table></div>
<p>Every path on this site is relative to a base URL. Snippets use <code>${escapeHtml(DEFAULT_BASE_URL)}</code>; change it once under <em>Settings</em> and every cURL, fetch, axios and client snippet follows.</p>`;
}

function auth(doc: Doc, tags: readonly TagModel[], ops: readonly OperationModel[]): string {
  const find = (suffix: string) => ops.find((o) => o.method === 'post' && o.path.endsWith(suffix));
  const signIn = find('/auth/sign-in');
  const refresh = find('/auth/refresh');
  const schemes = Object.entries(doc.components?.securitySchemes ?? {})
    .map(
      ([name, s]) =>
        `<li><strong>${escapeHtml(name)}</strong>: ${renderInlineMarkdown(isObject(s) && typeof s.description === 'string' ? s.description : '')}</li>`,
    )
    .join('');
  const keyed = ops
    .filter((o) => o.auth === 'apiKey')
    .map((o) => `<li>${opLink(tags, o)}</li>`)
    .join('');
  return `<ol class="flow">
<li>Sign in with ${signIn ? opLink(tags, signIn) : '<code>POST /auth/sign-in</code>'}: the response holds an access token and a refresh token.</li>
<li>Send <code>Authorization: Bearer &lt;access_token&gt;</code> on every endpoint whose auth line says <em>Bearer token</em>.</li>
<li>When a call returns <code>401</code> because the access token expired, call ${refresh ? opLink(tags, refresh) : '<code>POST /auth/refresh</code>'} once (one refresh at a time, even with many requests in flight), store the new pair and retry the call once. If the refresh fails, sign in again.</li>
</ol>
<p>Endpoints that take an API key instead send it in the <code>x-api-key</code> header:</p><ul>${keyed || '<li>none</li>'}</ul>
<p>Security schemes:</p><ul>${schemes}</ul>
<p>The try-it console keeps tokens and keys in memory only: they are gone when you reload the page.</p>`;
}

function errors(doc: Doc, ops: readonly OperationModel[]): string {
  const shapes = classifyErrors(ops)
    .map(
      (s) =>
        `<h3 id="error-${s.id}">${escapeHtml(s.title)}</h3><p>${s.explain}</p>` +
        (s.example === undefined
          ? ''
          : codeBlock(
              `error-${s.id}-ex`,
              `Example body (${s.source})`,
              JSON.stringify(s.example, null, 2),
              'json',
              '',
              'a response body, not code',
            )),
    )
    .join('');
  void doc;
  return `<p>Branch on the HTTP status first, then on the body's shape. <code>401</code>/<code>403</code> are auth or scope failures: do not retry them blindly.</p>
${shapes}<h3 id="error-branching">Branching on the shape</h3>${codeBlock('error-branching-ex', 'TypeScript (Node 18+ ES module)', BRANCHING_EXAMPLE, 'js')}`;
}

function pagination(tags: readonly TagModel[], ops: readonly OperationModel[]): string {
  const paged = ops.filter((o) => o.parameters.some((p) => p.in === 'query' && p.name === 'page'));
  return `<p>List endpoints take <code>page</code> (1-based) and <code>page_size</code>, and return paging metadata (<code>page</code>, <code>page_size</code>, <code>total</code>, <code>total_pages</code>, <code>has_next</code>, <code>has_prev</code>). Stop when <code>has_next</code> is false.</p>
<ul>${paged.map((o) => `<li>${opLink(tags, o)}</li>`).join('') || '<li>none</li>'}</ul>`;
}

function rateLimits(ops: readonly OperationModel[]): string {
  const limited = ops.filter((o) => o.responses.some((r) => r.status === '429')).length;
  return `<p>${limited} operation${limited === 1 ? '' : 's'} document <code>429 Too Many Requests</code>. Wait for the time in the <code>Retry-After</code> header (seconds or an HTTP date) before retrying, and back off exponentially with jitter when it is missing. Retry only idempotent requests automatically.</p>`;
}

function namespaces(tags: readonly TagModel[]): string {
  const items = tags
    .map(
      (t) =>
        `<li><a href="${tagFileName(t.slug)}">${escapeHtml(t.name)}</a> <span class="count">${t.operations.length}</span> ${renderInlineMarkdown(t.description)}</li>`,
    )
    .join('');
  return `<ul class="namespaces">${items}</ul>`;
}

export interface LandingSection {
  id: string;
  /** Trusted HTML. */
  title: string;
  /** Trusted HTML. */
  body: string;
}

/** The spec description split at its `##` headings: the text before, then one part per heading. */
function splitDescription(markdown: string): {
  intro: string;
  parts: { title: string; body: string }[];
} {
  const parts: { title: string; body: string }[] = [];
  let intro = '';
  let current: { title: string; body: string } | undefined;
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = !fence && /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) {
      current = { title: h[1]!, body: '' };
      parts.push(current);
    } else if (current) current.body += `${line}\n`;
    else intro += `${line}\n`;
  }
  return { intro, parts };
}

/** Generated topics, and which spec heading (if any) already covers each. */
const TOPICS: { id: string; title: string; covers: RegExp }[] = [
  { id: 'authentication', title: 'Authentication', covers: /auth/i },
  { id: 'errors', title: 'Errors: three shapes', covers: /error|respons/i },
  { id: 'pagination', title: 'Pagination', covers: /paginat|paging/i },
  { id: 'rate-limits', title: 'Rate limits (429)', covers: /rate.?limit|429|throttl/i },
];

/**
 * The landing page's sections, in order: one set, where a spec heading and a generated topic are
 * the same subject (the spec's "Authentication" and ours) the generated text continues the spec's
 * section instead of repeating its title. Also the search index's landing prose.
 */
export function landingSections(
  doc: Doc,
  tags: readonly TagModel[],
  ops: readonly OperationModel[],
): { intro: string; sections: LandingSection[] } {
  const generated: Record<string, () => string> = {
    authentication: () => auth(doc, tags, ops),
    errors: () => errors(doc, ops),
    pagination: () => pagination(tags, ops),
    'rate-limits': () => rateLimits(ops),
  };
  const description = typeof doc.info?.description === 'string' ? doc.info.description : '';
  const { intro, parts } = splitDescription(description);
  const used = new Set<string>();
  const ids = new Set<string>(['namespaces', 'base-urls', 'about']);
  const sections: LandingSection[] = [
    { id: 'namespaces', title: 'Namespaces', body: namespaces(tags) },
  ];
  if ((doc.servers ?? []).length)
    sections.push({ id: 'base-urls', title: 'Base URLs', body: servers(doc) });
  for (const part of parts) {
    const topic = TOPICS.find((t) => !used.has(t.id) && t.covers.test(part.title));
    let id = topic?.id ?? `s-${slugify(part.title)}`;
    while (ids.has(id)) id += '-x';
    ids.add(id);
    let body = `<div class="md">${renderMarkdown(part.body, 1)}</div>`;
    if (topic) {
      used.add(topic.id);
      body += generated[topic.id]!();
    }
    sections.push({ id, title: renderInlineMarkdown(part.title), body });
  }
  for (const topic of TOPICS)
    if (!used.has(topic.id))
      sections.push({ id: topic.id, title: topic.title, body: generated[topic.id]!() });
  return { intro: renderMarkdown(intro, 1), sections };
}

/** Contact, license and terms of service from `info`, when the spec gives them. */
function about(doc: Doc): string {
  const info = doc.info ?? ({} as Doc['info']);
  const rows: string[] = [];
  const contact = isObject(info.contact) ? info.contact : undefined;
  if (contact) {
    const bits: string[] = [];
    if (typeof contact.name === 'string') bits.push(escapeHtml(contact.name));
    if (typeof contact.email === 'string')
      bits.push(link(`mailto:${contact.email}`, contact.email));
    if (typeof contact.url === 'string') bits.push(link(contact.url, contact.url));
    if (bits.length) rows.push(`<dt>Contact</dt><dd>${bits.join(' · ')}</dd>`);
  }
  const license = isObject(info.license) ? info.license : undefined;
  if (license && typeof license.name === 'string') {
    const id =
      typeof license.identifier === 'string'
        ? ` (<code>${escapeHtml(license.identifier)}</code>)`
        : '';
    const name =
      typeof license.url === 'string' ? link(license.url, license.name) : escapeHtml(license.name);
    rows.push(`<dt>License</dt><dd>${name}${id}</dd>`);
  }
  if (typeof info.termsOfService === 'string')
    rows.push(
      `<dt>Terms of service</dt><dd>${link(info.termsOfService, info.termsOfService)}</dd>`,
    );
  return rows.length ? `<dl class="about">${rows.join('')}</dl>` : '';
}

export function landingMain(
  doc: Doc,
  tags: readonly TagModel[],
  ops: readonly OperationModel[],
  changelog = false,
): string {
  const info = doc.info;
  const summary = typeof info.summary === 'string' ? info.summary : '';
  const { intro, sections } = landingSections(doc, tags, ops);
  const contents = sections
    .map((s) => `<li><a href="#${s.id}">${s.title.replace(/<a\b[^>]*>|<\/a>/g, '')}</a></li>`)
    .join('');
  return `<h1>${escapeHtml(info.title)} <span class="version">v${escapeHtml(info.version)}</span></h1>
<p class="lead">${escapeHtml(summary)}</p>
<div class="md">${intro}</div>
<p>${ops.length} operations in ${tags.length} namespaces. Download the description: <a href="openapi.json" download>openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).${changelog ? ' What changed in each version: <a href="changelog.html">changelog</a>.' : ''}</p>
${about(doc)}
<nav class="toc" aria-label="On this page"><ul>${contents}</ul></nav>
${sections.map((s) => `<section class="landing-section" aria-labelledby="${s.id}"><h2 id="${s.id}">${s.title}</h2>${s.body}</section>`).join('\n')}`;
}
