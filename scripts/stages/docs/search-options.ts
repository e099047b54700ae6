/**
 * MiniSearch options shared by the index builder (docs stage) and the browser search (assets), which
 * must agree for `MiniSearch.loadJSON` to work.
 */
export const SEARCH_OPTIONS = {
  idField: 'id',
  fields: ['title', 'path', 'summary', 'text'],
  storeFields: ['kind', 'title', 'path', 'summary', 'url'],
  searchOptions: { boost: { title: 3, path: 2, summary: 2 }, prefix: true, fuzzy: 0.15 },
} as const;

/** One search hit's stored fields. */
export interface SearchDoc {
  id: string;
  kind: 'operation' | 'parameter' | 'schema';
  title: string;
  path: string;
  summary: string;
  text: string;
  url: string;
}
