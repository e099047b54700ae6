/**
 * Schemas as HTML: a type label (named schemas link to `schemas.html#schema-<Name>`) and a property
 * table; inline objects are flattened into dotted rows (`error.code`), named ones stay links.
 */
import { escapeHtml, safeId } from '../escape.ts';
import { renderInlineMarkdown } from '../markdown.ts';
import { isObject, resolveSchema, schemaRefName, type Doc, type SchemaNode } from '../resolve.ts';

const MAX_FLATTEN = 3;

/** `schemas.html#schema-<Name>` (or `#schema-<Name>` on the schemas page itself). */
export function schemaHref(name: string, onSchemasPage = false): string {
  return `${onSchemasPage ? '' : 'schemas.html'}#schema-${safeId(name)}`;
}

/** A short HTML type: `string`, `integer | null`, `array<Booking>`, a link for named schemas. */
export function typeLabel(doc: Doc, schema: unknown, onSchemasPage = false): string {
  if (!isObject(schema)) return '<span class="type">any</span>';
  const name = schemaRefName(schema.$ref);
  if (name)
    return `<a class="type" href="${schemaHref(name, onSchemasPage)}">${escapeHtml(name)}</a>`;
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts) && parts.length) {
      const joiner = key === 'allOf' ? ' &amp; ' : ' | ';
      return parts.map((p) => typeLabel(doc, p, onSchemasPage)).join(joiner);
    }
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (!types.length && isObject(schema.properties)) types.push('object');
  if (!types.length && schema.items) types.push('array');
  const labels = types.map((t) =>
    t === 'array'
      ? `array&lt;${typeLabel(doc, schema.items, onSchemasPage)}&gt;`
      : `<span class="type">${escapeHtml(t)}</span>`,
  );
  if (schema.format)
    labels[0] = `${labels[0] ?? ''} <span class="format">(${escapeHtml(schema.format)})</span>`;
  return labels.join(' | ') || '<span class="type">any</span>';
}

/** Constraints worth showing next to a property: enum, pattern, bounds, default. */
function constraints(node: SchemaNode): string {
  const out: string[] = [];
  const code = (v: unknown) => `<code>${escapeHtml(JSON.stringify(v))}</code>`;
  if (Array.isArray(node.enum)) out.push(`one of ${node.enum.map(code).join(', ')}`);
  if (node.const !== undefined) out.push(`always ${code(node.const)}`);
  if (typeof node.pattern === 'string') out.push(`pattern ${code(node.pattern)}`);
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'])
    if (typeof node[k] === 'number') out.push(`${k} ${escapeHtml(node[k])}`);
  if (node.default !== undefined) out.push(`default ${code(node.default)}`);
  if (node.deprecated === true) out.push('<strong>deprecated</strong>');
  return out.length ? `<div class="constraints">${out.join('; ')}</div>` : '';
}

interface Row {
  name: string;
  schema: unknown;
  required: boolean;
}

/** Properties of an object schema, merging `allOf` parts. */
function properties(doc: Doc, schema: unknown): { rows: Row[]; node: SchemaNode } {
  const { node } = resolveSchema(doc, schema);
  const rows: Row[] = [];
  const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
  if (isObject(node.properties))
    for (const [name, prop] of Object.entries(node.properties))
      rows.push({ name, schema: prop, required: required.has(name) });
  if (Array.isArray(node.allOf))
    for (const part of node.allOf) rows.push(...properties(doc, part).rows);
  return { rows, node };
}

function rowsHtml(
  doc: Doc,
  schema: unknown,
  prefix: string,
  depth: number,
  onPage: boolean,
): string {
  let html = '';
  for (const row of properties(doc, schema).rows) {
    const prop = isObject(row.schema) ? row.schema : {};
    const name = `${prefix}${row.name}`;
    html += `<tr><td><code>${escapeHtml(name)}</code>${row.required ? ' <span class="req">required</span>' : ''}</td>`;
    html += `<td>${typeLabel(doc, prop, onPage)}</td>`;
    html += `<td>${renderInlineMarkdown(typeof prop.description === 'string' ? prop.description : '')}${constraints(prop)}</td></tr>`;
    if (depth >= MAX_FLATTEN || prop.$ref) continue;
    if (isObject(prop.properties) || Array.isArray(prop.allOf))
      html += rowsHtml(doc, prop, `${name}.`, depth + 1, onPage);
    else if (isObject(prop.items) && !prop.items.$ref && isObject(prop.items.properties))
      html += rowsHtml(doc, prop.items, `${name}[].`, depth + 1, onPage);
  }
  return html;
}

/** A property table for an object schema, or a one-line type for anything else. */
export function schemaTable(doc: Doc, schema: unknown, onSchemasPage = false): string {
  const { node } = resolveSchema(doc, schema);
  const body = rowsHtml(doc, schema, '', 0, onSchemasPage);
  const extra = constraints(node);
  if (!body)
    return `<p class="schema-type">Type: ${typeLabel(doc, node, onSchemasPage)}</p>${extra}`;
  return (
    `<div class="table-wrap"><table class="props"><thead><tr><th scope="col">Field</th><th scope="col">Type</th>` +
    `<th scope="col">Description</th></tr></thead><tbody>${body}</tbody></table></div>${extra}`
  );
}

/**
 * An expandable schema: the summary names it (plain text: a link inside `<summary>` is a nested
 * interactive control), the body links to the schemas page and shows its table.
 */
export function schemaDetails(doc: Doc, schema: unknown, label = 'Schema'): string {
  const plain = typeLabel(doc, schema).replace(/<[^>]+>/g, '');
  const name = isObject(schema) ? schemaRefName(schema.$ref) : undefined;
  const more = name
    ? `<p class="schema-link"><a href="${schemaHref(name)}">${escapeHtml(name)} on the schemas page</a></p>`
    : '';
  return (
    `<details class="schema"><summary>${escapeHtml(label)}: <code>${plain}</code></summary>` +
    `${more}${schemaTable(doc, schema)}</details>`
  );
}
