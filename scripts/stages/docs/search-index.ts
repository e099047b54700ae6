/** The offline search index: MiniSearch over operations, their parameters and the named schemas. */
import MiniSearch from 'minisearch';
import type { OperationModel, TagModel } from './operations.ts';
import { isObject, type Doc } from './resolve.ts';
import { SEARCH_OPTIONS, type SearchDoc } from './search-options.ts';
import { tagFileName } from './tags.ts';
import { opAnchor } from './html/operation.ts';
import { safeId } from './escape.ts';

/** Markdown punctuation out, so `**Modes**` indexes as `Modes`. */
const plain = (s: string) =>
  s
    .replace(/[`*_#>[\]()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function searchDocs(doc: Doc, tags: readonly TagModel[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const tag of tags)
    for (const op of tag.operations as OperationModel[]) {
      const url = `${tagFileName(tag.slug)}#${opAnchor(op)}`;
      const title = `${op.method.toUpperCase()} ${op.path}`;
      docs.push({
        id: `op:${op.id}`,
        kind: 'operation',
        title,
        path: op.path,
        summary: plain(op.summary),
        text: plain(`${op.id} ${tag.name} ${op.description}`),
        url,
      });
      for (const p of op.parameters)
        docs.push({
          id: `param:${op.id}:${p.in}:${p.name}`,
          kind: 'parameter',
          title: p.name,
          path: title,
          summary: plain(`${p.in} parameter of ${op.id}`),
          text: plain(p.description),
          url,
        });
    }
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const s = isObject(schema) ? schema : {};
    const props = isObject(s.properties) ? Object.keys(s.properties).join(' ') : '';
    docs.push({
      id: `schema:${name}`,
      kind: 'schema',
      title: name,
      path: '',
      summary: plain(typeof s.description === 'string' ? s.description : ''),
      text: props,
      url: `schemas.html#schema-${safeId(name)}`,
    });
  }
  return docs;
}

/** The serialized index (`MiniSearch.loadJSON` input). */
export function buildSearchIndex(doc: Doc, tags: readonly TagModel[]): string {
  const search = new MiniSearch<SearchDoc>({
    ...SEARCH_OPTIONS,
    fields: [...SEARCH_OPTIONS.fields],
    storeFields: [...SEARCH_OPTIONS.storeFields],
  });
  search.addAll(searchDocs(doc, tags));
  return JSON.stringify(search);
}
