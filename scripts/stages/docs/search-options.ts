/**
 * MiniSearch index options, written into search-index.json next to the documents: the browser
 * search builds its index with them.
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
