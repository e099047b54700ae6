/**
 * Schemas as HTML: a type label (named schemas link to `schemas.html#schema-<Name>`) and an inline
 * field list (name, type and format, required, constraints, default, enum, description); nested
 * objects and arrays expand in place (`<details>`), `oneOf`/`anyOf` become tabs with the
 * discriminator named. Depth is bounded, and a schema already open above is only linked, so
 * recursive and huge specs stay small.
 */
import { escapeHtml, safeId } from '../escape.ts';
import { renderInlineMarkdown } from '../markdown.ts';
import { tabs } from './code-block.ts';
import { isObject, resolveSchema, schemaRefName, type Doc, type SchemaNode } from '../resolve.ts';

/** Nesting levels rendered inline; deeper levels link to the schemas page. */
const MAX_DEPTH = 4;

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
export function constraintsOf(node: SchemaNode): string {
  const out: string[] = [];
  const code = (v: unknown) => `<code>${escapeHtml(JSON.stringify(v))}</code>`;
  if (Array.isArray(node.enum)) out.push(`one of ${node.enum.map(code).join(', ')}`);
  if (node.const !== undefined) out.push(`always ${code(node.const)}`);
  if (typeof node.pattern === 'string') out.push(`pattern ${code(node.pattern)}`);
  for (const k of [
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'multipleOf',
    'minLength',
    'maxLength',
    'minItems',
    'maxItems',
    'minProperties',
    'maxProperties',
  ])
    if (typeof node[k] === 'number') out.push(`${k} ${escapeHtml(node[k])}`);
  if (node.uniqueItems === true) out.push('unique items');
  if (node.readOnly === true) out.push('read-only');
  if (node.writeOnly === true) out.push('write-only');
  if (node.default !== undefined) out.push(`default ${code(node.default)}`);
  if (node.deprecated === true) out.push('<strong>deprecated</strong>');
  return out.length ? `<div class="constraints">${out.join('; ')}</div>` : '';
}

interface Row {
  name: string;
  schema: unknown;
  required: boolean;
}

interface Ctx {
  doc: Doc;
  onPage: boolean;
  /** Named schemas open above this point (a cycle only links). */
  open: ReadonlySet<string>;
  /** Unique, deterministic id prefix for tabs. */
  id: string;
  /** Fields this view may still render; shared by the whole view, so one body stays bounded. */
  budget: { left: number };
}

/** Fields one inline schema view renders at most; beyond that, named schemas are only linked. */
const FIELD_BUDGET = 120;

/** Properties of an object schema, merging `allOf` parts (cycles stop). */
function properties(doc: Doc, schema: unknown, seen = new Set<string>(), level = 0): Row[] {
  const ref = isObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : '';
  if ((ref && seen.has(ref)) || level > 16) return [];
  if (ref) seen.add(ref);
  const { node } = resolveSchema(doc, schema);
  const rows: Row[] = [];
  const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
  if (isObject(node.properties))
    for (const [name, prop] of Object.entries(node.properties))
      rows.push({ name, schema: prop, required: required.has(name) });
  if (Array.isArray(node.allOf))
    for (const part of node.allOf) rows.push(...properties(doc, part, seen, level + 1));
  return rows;
}

const variantsOf = (node: SchemaNode): { key: 'oneOf' | 'anyOf'; parts: unknown[] } | undefined => {
  for (const key of ['oneOf', 'anyOf'] as const)
    if (Array.isArray(node[key]) && (node[key] as unknown[]).length)
      return { key, parts: node[key] as unknown[] };
  return undefined;
};

/** What can be expanded below a field: an object's fields, array items' fields, or variants. */
function hasInside(doc: Doc, schema: unknown): boolean {
  const { node } = resolveSchema(doc, schema);
  if (properties(doc, schema).length || variantsOf(node)) return true;
  return isObject(node.items) && hasInside(doc, node.items);
}

function variantLabel(doc: Doc, part: unknown, i: number, mapping: Map<string, string>): string {
  const { name, node } = resolveSchema(doc, part);
  const ref = isObject(part) && typeof part.$ref === 'string' ? part.$ref : '';
  const mapped = mapping.get(ref);
  if (mapped) return mapped;
  if (typeof node.title === 'string' && node.title) return node.title;
  if (name) return name;
  // a constraint-only variant (`anyOf: [{ required: [a] }, { required: [b] }]`)
  if (Array.isArray(node.required) && node.required.length && !node.type && !node.properties)
    return `with ${node.required.map(String).join(', ')}`;
  const t = typeof node.type === 'string' ? node.type : 'variant';
  return `${t} ${i + 1}`;
}

function variantPanel(ctx: Ctx, part: unknown, i: number, depth: number): string {
  const { node } = resolveSchema(ctx.doc, part);
  const required = Array.isArray(node.required) ? node.required.map(String) : [];
  const onlyRequired =
    required.length > 0 && !node.type && !node.properties && !(isObject(part) && part.$ref);
  const head = onlyRequired
    ? `<p class="schema-type">Requires ${required.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ')}.</p>`
    : `<p class="schema-type">${typeLabel(ctx.doc, part, ctx.onPage)}</p>`;
  return (
    head + schemaInner({ ...ctx, id: `${ctx.id}-v${i}` }, part, depth + 1) + constraintsOf(node)
  );
}

/** `oneOf`/`anyOf` as tabs, each a field list; the discriminator property is named above. */
function variantsHtml(ctx: Ctx, node: SchemaNode, depth: number): string {
  const v = variantsOf(node);
  if (!v) return '';
  const disc = isObject(node.discriminator) ? node.discriminator : undefined;
  const mapping = new Map<string, string>();
  if (disc && isObject(disc.mapping))
    for (const [value, ref] of Object.entries(disc.mapping)) mapping.set(String(ref), value);
  const items = v.parts.map((part, i) => ({
    key: String(i),
    label: variantLabel(ctx.doc, part, i, mapping),
    panel: variantPanel(ctx, part, i, depth),
  }));
  const intro =
    `<p class="variants-intro">${v.key === 'oneOf' ? 'Exactly one of' : 'Any of'} ${v.parts.length} shapes` +
    (disc && typeof disc.propertyName === 'string'
      ? `, chosen by the discriminator <code>${escapeHtml(disc.propertyName)}</code>`
      : '') +
    ':</p>';
  return intro + tabs(`${ctx.id}-variants`, `${v.key} variants`, items);
}

/** The inside of a schema at `depth`: its fields and variants (or the items' ones for arrays). */
function schemaInner(ctx: Ctx, schema: unknown, depth: number): string {
  const { name, node } = resolveSchema(ctx.doc, schema);
  // on the Schemas page every named schema has its own section: nested ones are links there
  const linkOnly =
    name && (ctx.open.has(name) || (ctx.onPage && depth > 0) || ctx.budget.left <= 0);
  if (depth > MAX_DEPTH || linkOnly || ctx.budget.left <= 0)
    return name
      ? `<p class="schema-link">See <a href="${schemaHref(name, ctx.onPage)}">${escapeHtml(name)}</a>.</p>`
      : '';
  const inner: Ctx = name ? { ...ctx, open: new Set([...ctx.open, name]) } : ctx;
  const rows = properties(ctx.doc, schema);
  let html = rows.length ? fieldsList(inner, rows, depth) : '';
  html += variantsHtml(inner, node, depth);
  if (!rows.length && !variantsOf(node) && isObject(node.items) && hasInside(ctx.doc, node.items))
    html += `<p class="items-of">Items:</p>${schemaInner({ ...inner, id: `${inner.id}-i` }, node.items, depth + 1)}`;
  return html;
}

function fieldsList(ctx: Ctx, rows: readonly Row[], depth: number): string {
  ctx.budget.left -= rows.length;
  const items = rows.map((row, i) => {
    const prop = isObject(row.schema) ? row.schema : {};
    const { node } = resolveSchema(ctx.doc, prop);
    const desc = typeof prop.description === 'string' ? prop.description : node.description;
    const head =
      `<div class="field-head"><code class="fname">${escapeHtml(row.name)}</code> ${typeLabel(ctx.doc, prop, ctx.onPage)}` +
      `${row.required ? ' <span class="req">required</span>' : ''}</div>`;
    const text = `${typeof desc === 'string' && desc ? `<div class="fdesc">${renderInlineMarkdown(desc)}</div>` : ''}${constraintsOf({ ...node, ...prop })}`;
    const nested = hasInside(ctx.doc, prop)
      ? schemaInner({ ...ctx, id: `${ctx.id}-${i}` }, prop, depth + 1)
      : '';
    return nested
      ? `<li>${head}${text}<details class="nested"><summary>Fields of <code>${escapeHtml(row.name)}</code></summary>${nested}</details></li>`
      : `<li>${head}${text}</li>`;
  });
  return `<ul class="fields">${items.join('')}</ul>`;
}

/**
 * The inline view of a schema: its fields, variants and constraints, or one type line. `rootId`:
 * the view's element carries `id` (a later copy on the page links to it, page-repeats.ts).
 */
export function schemaView(
  doc: Doc,
  schema: unknown,
  id: string,
  onSchemasPage = false,
  rootId = false,
): string {
  const { name, node } = resolveSchema(doc, schema);
  const ctx: Ctx = {
    doc,
    onPage: onSchemasPage,
    open: new Set(),
    id: safeId(id),
    budget: { left: FIELD_BUDGET },
  };
  const inner = schemaInner(ctx, schema, 0);
  const label = typeLabel(doc, name && onSchemasPage ? node : schema, onSchemasPage);
  const top = `<p class="schema-type">${name && !onSchemasPage ? 'Schema' : 'Type'}: ${label}</p>`;
  return `<div class="schema"${rootId ? ` id="${ctx.id}"` : ''}>${top}${inner ? '' : constraintsOf(node)}${inner}</div>`;
}
