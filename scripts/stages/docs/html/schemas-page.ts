/** The schemas page: every named schema with anchor `#schema-<Name>`, its table and example. */
import { escapeHtml, safeId } from '../escape.ts';
import { renderMarkdown } from '../markdown.ts';
import { exampleFromSchema } from '../examples.ts';
import { isObject, type Doc } from '../resolve.ts';
import { exampleBlock } from './code-block.ts';
import { schemaView } from './schema.ts';

export function schemaNames(doc: Doc): string[] {
  return Object.keys(doc.components?.schemas ?? {}).sort((a, b) => a.localeCompare(b));
}

export function schemasMain(doc: Doc): string {
  const names = schemaNames(doc);
  const index = names
    .map((n) => `<li><a href="#schema-${safeId(n)}">${escapeHtml(n)}</a></li>`)
    .join('');
  const sections = names
    .map((name) => {
      const node = (doc.components?.schemas ?? {})[name];
      const description =
        isObject(node) && typeof node.description === 'string' ? node.description : '';
      const ref = { $ref: `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` };
      return `<section class="schema-def" id="schema-${safeId(name)}" aria-labelledby="schema-${safeId(name)}-title">
<h2 id="schema-${safeId(name)}-title">${escapeHtml(name)} <a class="anchor" href="#schema-${safeId(name)}" aria-label="Link to ${escapeHtml(name)}">#</a></h2>
<div class="md">${renderMarkdown(description, 2)}</div>
${schemaView(doc, ref, `schema-${safeId(name)}-v`, true)}
<details class="schema-example"><summary>Example</summary>${exampleBlock(`schema-${safeId(name)}-ex`, exampleFromSchema(doc, ref))}</details>
</section>`;
    })
    .join('\n');
  return `<h1>Schemas</h1><p>${names.length} named schemas. Every schema has a stable link: <code>schemas.html#schema-&lt;Name&gt;</code>.</p>
<ul class="schema-index">${index}</ul>
${sections}`;
}
