/** One operation on its namespace page: anchor `#op-<operationId>`, reference, snippets and try-it. */
import { escapeHtml, safeId } from '../escape.ts';
import { renderInlineMarkdown, renderMarkdown } from '../markdown.ts';
import type { AuthKind, OperationModel } from '../operations.ts';
import type { Doc } from '../resolve.ts';
import { SNIPPET_LANGUAGES, snippetRequest } from '../snippets/index.ts';
import { exampleBlock, snippetBlock } from './code-block.ts';
import { schemaDetails, typeLabel } from './schema.ts';

export const opAnchor = (op: OperationModel) => `op-${safeId(op.id)}`;

export function authLine(auth: AuthKind, apiKeyHeader: string): string {
  switch (auth) {
    case 'bearer':
      return 'Bearer token (<code>Authorization: Bearer &lt;access_token&gt;</code>)';
    case 'optional-bearer':
      return 'Public; a bearer token (<code>Authorization: Bearer &lt;access_token&gt;</code>) is optional and personalises the result';
    case 'apiKey':
      return `API key (<code>${escapeHtml(apiKeyHeader)}: &lt;api_key&gt;</code>), not a bearer token`;
    default:
      return 'None (public endpoint)';
  }
}

function parametersTable(doc: Doc, op: OperationModel): string {
  if (!op.parameters.length) return '';
  const rows = op.parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}${p.deprecated ? ' <span class="dep">deprecated</span>' : ''}</td>` +
        `<td>${escapeHtml(p.in)}</td><td>${typeLabel(doc, p.schema)}</td>` +
        `<td>${renderInlineMarkdown(p.description)}${p.example === undefined ? '' : `<div class="constraints">example <code>${escapeHtml(typeof p.example === 'string' ? p.example : JSON.stringify(p.example))}</code></div>`}</td></tr>`,
    )
    .join('');
  return (
    `<h4>Parameters</h4><div class="table-wrap"><table class="params"><thead><tr><th scope="col">Name</th><th scope="col">In</th>` +
    `<th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

function requestBody(doc: Doc, op: OperationModel, anchor: string): string {
  const body = op.body;
  if (!body) return '';
  const types = body.contentTypes.map((t) => `<code>${escapeHtml(t)}</code>`).join(', ');
  return (
    `<h4>Request body${body.required ? ' <span class="req">required</span>' : ''}</h4>` +
    `<p class="media">${types}</p>${renderMarkdown(body.description, 4)}` +
    schemaDetails(doc, body.schema) +
    (body.example === undefined
      ? ''
      : exampleBlock(`${anchor}-req`, body.example, 'Request example', ' data-request-example'))
  );
}

function responses(doc: Doc, op: OperationModel, anchor: string): string {
  const items = op.responses.map((r) => {
    const id = `${anchor}-res-${safeId(r.status)}`;
    const kind = /^2/.test(r.status) ? 'ok' : /^3/.test(r.status) ? 'redirect' : 'error';
    const headers = r.headers.length
      ? `<p class="headers">Headers: ${r.headers.map((h) => `<code>${escapeHtml(h.name)}</code> ${renderInlineMarkdown(h.description)}`).join('; ')}</p>`
      : '';
    const example =
      r.example === undefined
        ? ''
        : exampleBlock(
            `${id}-ex`,
            r.example,
            'Response example',
            ` data-status="${escapeHtml(r.status)}" data-content-type="${escapeHtml(r.contentType ?? '')}"`,
          );
    return (
      `<details class="response ${kind}"${kind === 'ok' ? ' open' : ''}><summary><span class="status">${escapeHtml(r.status)}</span> ` +
      `${renderInlineMarkdown(r.description)}${r.contentType ? ` <code class="media">${escapeHtml(r.contentType)}</code>` : ''}</summary>` +
      `${headers}${r.schema === undefined ? '' : schemaDetails(doc, r.schema)}${example}</details>`
    );
  });
  return `<h4>Responses</h4>${items.join('')}`;
}

/** Data for the try-it console, in a data attribute (no inline script): params, body, auth. */
function tryItData(op: OperationModel): string {
  const data = {
    id: op.id,
    method: op.method.toUpperCase(),
    path: op.path,
    auth: op.auth,
    apiKeyHeader: op.apiKeyHeader,
    params: op.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      example: p.example ?? '',
    })),
    bodyType: op.body?.contentType ?? '',
  };
  return escapeHtml(JSON.stringify(data));
}

export function operationSection(doc: Doc, op: OperationModel): string {
  const anchor = opAnchor(op);
  const req = snippetRequest(op);
  const snippets = SNIPPET_LANGUAGES.map((lang, i) =>
    snippetBlock({
      id: `${anchor}-${lang.id}`,
      label: lang.label,
      code: lang.generate(req),
      lang: lang.id,
      quoting: lang.quoting,
      open: i === 0,
    }),
  ).join('');
  return `<section class="op" id="${anchor}" aria-labelledby="${anchor}-title">
<h3 id="${anchor}-title"><span class="method m-${escapeHtml(op.method)}">${escapeHtml(op.method.toUpperCase())}</span> <code class="path">${escapeHtml(op.path)}</code> <a class="anchor" href="#${anchor}" aria-label="Link to ${escapeHtml(op.id)}">#</a></h3>
<p class="summary">${renderInlineMarkdown(op.summary)}${op.deprecated ? ' <span class="dep">deprecated</span>' : ''}</p>
<p class="op-id">operationId <code>${escapeHtml(op.id)}</code></p>
<div class="md">${renderMarkdown(op.description, 3)}</div>
<p class="auth"><strong>Auth:</strong> ${authLine(op.auth, op.apiKeyHeader)}</p>
${parametersTable(doc, op)}${requestBody(doc, op, anchor)}${responses(doc, op, anchor)}
<h4>Code samples</h4><div class="snippets">${snippets}</div>
<details class="tryit"><summary>Try it</summary><div class="tryit-body" data-op="${tryItData(op)}"><p class="hint">The console needs JavaScript.</p></div></details>
</section>`;
}
