/**
 * One operation on its namespace page (anchor `#op-<operationId>`): the reference (parameters,
 * body and responses with inline schemas) in the left column, and the samples (snippets in
 * language tabs, request example, response samples, try-it) in the right column at >= 1200 px.
 */
import { escapeHtml, safeId } from '../escape.ts';
import { renderInlineMarkdown, renderMarkdown } from '../markdown.ts';
import type { AuthKind, OperationModel } from '../operations.ts';
import type { Doc } from '../resolve.ts';
import { SNIPPET_LANGUAGES, snippetRequest } from '../snippets/index.ts';
import { exampleBlock, snippetCode, tabs } from './code-block.ts';
import { constraintsOf, schemaView, typeLabel } from './schema.ts';
import { explodeOf, styleOf } from '../snippets/serialize.ts';
import { resolveSchema } from '../resolve.ts';
import { NO_REPEATS, type PageRepeats } from './page-repeats.ts';
import { NO_VIEW_MEMO, type ViewMemo } from './view-memo.ts';

/** A namespace page's large views: the ones already on it, and the site's rendered ones. */
export interface SectionViews {
  repeats: PageRepeats;
  memo: ViewMemo;
}

const WRITE_ALL: SectionViews = { repeats: NO_REPEATS, memo: NO_VIEW_MEMO };

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

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Where a parameter's serialization differs from a plain `name=value`, say how. */
function styleNote(p: OperationModel['parameters'][number], kind: string): string {
  if (kind === 'primitive') return '';
  const style = styleOf(p);
  const explode = explodeOf(p);
  if (p.in === 'query' && style === 'deepObject')
    return `sent as <code>${escapeHtml(p.name)}[key]=value</code>`;
  if (p.in === 'query' && explode)
    return `sent as <code>${escapeHtml(p.name)}=a&amp;${escapeHtml(p.name)}=b</code> (style ${escapeHtml(style)}, explode)`;
  const sep = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
  return `sent as <code>${escapeHtml(p.name)}=a${escapeHtml(sep)}b</code> (style ${escapeHtml(style)}, explode false)`;
}

/** `array`, `object` or `primitive`: how try-it edits and serializes the value. */
function valueKind(doc: Doc, schema: unknown, example: unknown): 'array' | 'object' | 'primitive' {
  const { node } = resolveSchema(doc, schema);
  const t = Array.isArray(node.type) ? node.type.find((x) => x !== 'null') : node.type;
  if (t === 'array' || Array.isArray(example)) return 'array';
  if (t === 'object' || (example !== null && typeof example === 'object')) return 'object';
  return 'primitive';
}

function parametersList(doc: Doc, op: OperationModel): string {
  if (!op.parameters.length) return '';
  const items = op.parameters.map((p) => {
    const { node } = resolveSchema(doc, p.schema);
    const note = styleNote(p, valueKind(doc, p.schema, p.example));
    return (
      `<li><div class="field-head"><code class="fname">${escapeHtml(p.name)}</code> <span class="in">${escapeHtml(p.in)}</span> ${typeLabel(doc, p.schema)}` +
      `${p.required ? ' <span class="req">required</span>' : ''}${p.deprecated ? ' <span class="dep">deprecated</span>' : ''}</div>` +
      (p.description ? `<div class="fdesc">${renderInlineMarkdown(p.description)}</div>` : '') +
      constraintsOf(node) +
      (note ? `<div class="constraints">${note}</div>` : '') +
      (p.example === undefined
        ? ''
        : `<div class="constraints">example <code>${escapeHtml(text(p.example))}</code></div>`) +
      '</li>'
    );
  });
  return `<h4>Parameters</h4><ul class="fields params">${items.join('')}</ul>`;
}

function requestBody(doc: Doc, op: OperationModel, anchor: string): string {
  const body = op.body;
  if (!body) return '';
  const types = body.contentTypes.map((t) => `<code>${escapeHtml(t)}</code>`).join(', ');
  return (
    `<h4>Request body${body.required ? ' <span class="req">required</span>' : ''}</h4>` +
    `<p class="media">${types}</p>${renderMarkdown(body.description, 4)}` +
    (body.schema === undefined ? '' : schemaView(doc, body.schema, `${anchor}-body`))
  );
}

/** How a placeholder names the first of a repeated view: `the 200 response of GET /pets`. */
const responseOf = (op: OperationModel, status: string, what: string) =>
  `the ${escapeHtml(status)} ${what} of <code>${escapeHtml(op.method.toUpperCase())} ${escapeHtml(op.path)}</code>`;

function responses(doc: Doc, op: OperationModel, anchor: string, views: SectionViews): string {
  const items = op.responses.map((r) => {
    const kind = /^2/.test(r.status) ? 'ok' : /^3/.test(r.status) ? 'redirect' : 'error';
    const headers = r.headers.length
      ? `<p class="headers-title">Response headers</p><ul class="fields">${r.headers
          .map(
            (h) =>
              `<li><div class="field-head"><code class="fname">${escapeHtml(h.name)}</code> ${typeLabel(doc, h.schema)}</div>${h.description ? `<div class="fdesc">${renderInlineMarkdown(h.description)}</div>` : ''}</li>`,
          )
          .join('')}</ul>`
      : '';
    const id = safeId(`${anchor}-r${safeId(r.status)}`);
    const key = r.schema === undefined ? '' : `schema ${JSON.stringify(r.schema)}`;
    const schema =
      r.schema === undefined
        ? ''
        : views.repeats.view(
            key,
            id,
            responseOf(op, r.status, 'response'),
            () => views.memo.view(key, id, (at) => schemaView(doc, r.schema, at, false, true)),
            (link, first) =>
              `<div class="schema same-as" data-same-as="${first}"><p class="schema-link">Same fields as ${link}.</p></div>`,
          );
    const inside = headers + schema;
    const head =
      `<span class="status s-${kind}">${escapeHtml(r.status)}</span> ${renderInlineMarkdown(r.description)}` +
      (r.contentType ? ` <code class="media">${escapeHtml(r.contentType)}</code>` : '');
    return inside
      ? `<details class="response ${kind}"${kind === 'ok' ? ' open' : ''}><summary>${head}</summary>${inside}</details>`
      : `<p class="response ${kind} empty">${head}</p>`;
  });
  return `<h4>Responses</h4>${items.join('')}`;
}

/**
 * An example's text as a key. Built examples are shared between operations (examples.ts caches
 * one per schema), so each is serialized once, not once per operation that returns it.
 */
const exampleKeys = new WeakMap<object, string>();
function exampleKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? '';
  let key = exampleKeys.get(value);
  if (key === undefined) exampleKeys.set(value, (key = JSON.stringify(value)));
  return key;
}

/** Response samples: one tab per documented status with an example. */
function responseSamples(op: OperationModel, anchor: string, views: SectionViews): string {
  const items = op.responses
    .filter((r) => r.example !== undefined)
    .map((r) => {
      const id = `${anchor}-res-${safeId(r.status)}-ex`;
      const label = `${r.status} response${r.contentType ? ` (${r.contentType})` : ''}`;
      // the try-it mock reads these from the block, or from the first one a placeholder names
      const data = ` data-status="${escapeHtml(r.status)}" data-content-type="${escapeHtml(r.contentType ?? '')}"`;
      const key = `example ${label} ${exampleKey(r.example)}`;
      const panel = views.repeats.view(
        key,
        `${id}-block`,
        responseOf(op, r.status, 'response sample'),
        () =>
          views.memo.view(key, id, (at) =>
            exampleBlock(at, r.example, label, ` id="${at}-block"${data}`),
          ),
        (link, first) =>
          `<div class="code same-as" data-same-as="${first}"${data}><p class="schema-link">Same sample as ${link}.</p></div>`,
      );
      return { key: r.status, label: r.status, panel };
    });
  return items.length
    ? `<h4>Response samples</h4>${tabs(`${anchor}-res`, `Response samples of ${op.id}`, items, 'status')}`
    : '';
}

/** Data for the try-it console, in a data attribute (no inline script): params, body, auth. */
function tryItData(doc: Doc, op: OperationModel): string {
  const data = {
    id: op.id,
    method: op.method.toUpperCase(),
    path: op.path,
    auth: op.auth,
    apiKeyHeader: op.apiKeyHeader,
    credential: op.credential,
    params: op.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      kind: valueKind(doc, p.schema, p.example),
      style: styleOf(p),
      explode: explodeOf(p),
      ...(p.allowReserved ? { allowReserved: true } : {}),
      example: p.example ?? '',
    })),
    bodyType: op.body?.contentType ?? '',
  };
  return escapeHtml(JSON.stringify(data));
}

/** `views`: the page's and the site's record of large response views (page-repeats.ts, view-memo.ts). */
export function operationSection(
  doc: Doc,
  op: OperationModel,
  views: SectionViews = WRITE_ALL,
): string {
  const anchor = opAnchor(op);
  const req = snippetRequest(op);
  const snippets = tabs(
    `${anchor}-code`,
    `Code sample language for ${op.id}`,
    SNIPPET_LANGUAGES.map((lang) => ({
      key: lang.id,
      label: lang.label,
      panel: snippetCode({
        id: `${anchor}-${lang.id}`,
        label: lang.label,
        code: lang.generate(req),
        lang: lang.id,
        quoting: lang.quoting,
      }),
    })),
    'lang',
  );
  const reqExample =
    op.body?.example === undefined
      ? ''
      : exampleBlock(
          `${anchor}-req`,
          op.body.example,
          `Request body (${op.body.contentType})`,
          ' data-request-example',
        );
  return `<section class="op" id="${anchor}" aria-labelledby="${anchor}-title">
<div class="op-doc">
<h3 id="${anchor}-title"><span class="method m-${escapeHtml(op.method)}">${escapeHtml(op.method.toUpperCase())}</span> <code class="path">${escapeHtml(op.path)}</code> <a class="anchor" href="#${anchor}" aria-label="Link to ${escapeHtml(op.id)}">#</a></h3>
<p class="summary">${escapeHtml(op.summary)}${op.deprecated ? ' <span class="dep">deprecated</span>' : ''}</p>
<p class="op-id">operationId <code>${escapeHtml(op.id)}</code></p>
<div class="md">${renderMarkdown(op.description, 3)}</div>
<p class="auth"><strong>Auth:</strong> ${authLine(op.auth, op.apiKeyHeader)}</p>
${parametersList(doc, op)}${requestBody(doc, op, anchor)}${responses(doc, op, anchor, views)}
</div>
<div class="op-samples">
<h4>Request sample</h4>${snippets}${reqExample}${responseSamples(op, anchor, views)}
<details class="tryit"><summary>Try it</summary><div class="tryit-body" data-op="${tryItData(doc, op)}"><p class="hint">The console needs JavaScript.</p></div></details>
</div>
</section>`;
}
