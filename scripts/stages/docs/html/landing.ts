/** The landing page: what the API is, base URLs, auth flow, error shapes, pagination, 429, namespaces. */
import { escapeHtml, link } from '../escape.ts';
import { renderInlineMarkdown, renderMarkdown } from '../markdown.ts';
import type { OperationModel, TagModel } from '../operations.ts';
import { isObject, type Doc } from '../resolve.ts';
import { tagFileName } from '../tags.ts';
import { DEFAULT_BASE_URL } from '../snippets/request.ts';
import { exampleBlock } from './code-block.ts';
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
  return `<h2 id="base-urls">Base URLs</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">URL</th><th scope="col">Environment</th></tr></thead><tbody>${rows}</tbody></table></div>
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
  return `<h2 id="authentication">Authentication</h2>
<ol class="flow">
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
          : exampleBlock(`error-${s.id}-ex`, s.example, `Example (${s.source})`)),
    )
    .join('');
  void doc;
  return `<h2 id="errors">Errors: three shapes</h2>
<p>Branch on the HTTP status first, then on the body's shape. <code>401</code>/<code>403</code> are auth or scope failures: do not retry them blindly.</p>
${shapes}<h3 id="error-branching">Branching on the shape</h3>${exampleBlock('error-branching-ex', BRANCHING_EXAMPLE, 'TypeScript')}`;
}

function pagination(tags: readonly TagModel[], ops: readonly OperationModel[]): string {
  const paged = ops.filter((o) => o.parameters.some((p) => p.in === 'query' && p.name === 'page'));
  return `<h2 id="pagination">Pagination</h2>
<p>List endpoints take <code>page</code> (1-based) and <code>page_size</code>, and return paging metadata (<code>page</code>, <code>page_size</code>, <code>total</code>, <code>total_pages</code>, <code>has_next</code>, <code>has_prev</code>). Stop when <code>has_next</code> is false.</p>
<ul>${paged.map((o) => `<li>${opLink(tags, o)}</li>`).join('') || '<li>none</li>'}</ul>`;
}

function rateLimits(ops: readonly OperationModel[]): string {
  const limited = ops.filter((o) => o.responses.some((r) => r.status === '429')).length;
  return `<h2 id="rate-limits">Rate limits (429)</h2>
<p>${limited} operation${limited === 1 ? '' : 's'} document <code>429 Too Many Requests</code>. Wait for the time in the <code>Retry-After</code> header (seconds or an HTTP date) before retrying, and back off exponentially with jitter when it is missing. Retry only idempotent requests automatically.</p>`;
}

function namespaces(tags: readonly TagModel[]): string {
  const items = tags
    .map(
      (t) =>
        `<li><a href="${tagFileName(t.slug)}">${escapeHtml(t.name)}</a> <span class="count">${t.operations.length}</span> ${renderInlineMarkdown(t.description)}</li>`,
    )
    .join('');
  return `<h2 id="namespaces">Namespaces</h2><ul class="namespaces">${items}</ul>`;
}

export function landingMain(
  doc: Doc,
  tags: readonly TagModel[],
  ops: readonly OperationModel[],
): string {
  const info = doc.info;
  const summary = typeof info.summary === 'string' ? info.summary : '';
  return `<h1>${escapeHtml(info.title)} <span class="version">v${escapeHtml(info.version)}</span></h1>
<p class="lead">${renderInlineMarkdown(summary)}</p>
<p>${ops.length} operations in ${tags.length} namespaces. Download the description: <a href="openapi.json" download>openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}). What changed in each version: <a href="changelog.html">changelog</a>.</p>
${namespaces(tags)}
<h2 id="overview">Overview</h2><div class="md">${renderMarkdown(info.description, 1)}</div>
${servers(doc)}${auth(doc, tags, ops)}${errors(doc, ops)}${pagination(tags, ops)}${rateLimits(ops)}`;
}
