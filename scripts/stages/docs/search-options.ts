/**
 * MiniSearch index options. The index builder uses them and writes them into search-index.json,
 * where the browser search reads them (`MiniSearch.loadJSON` needs the same fields).
 */
export const SEARCH_OPTIONS = {
  idField: 'id',
  fields: ['title', 'path', 'summary', 'text'],
  storeFields: ['kind', 'title', 'path', 'summary', 'url'],
} as const;

/** One search hit's stored fields. */
export interface SearchDoc {
  id: string;
  kind: 'operation' | 'parameter' | 'schema' | 'response' | 'guide' | 'namespace';
  title: string;
  path: string;
  summary: string;
  text: string;
  url: string;
}
