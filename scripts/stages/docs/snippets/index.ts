/** All snippet languages, in the order the docs show them. */
import { axiosSnippet } from './axios.ts';
import { curlSnippet } from './curl.ts';
import { fetchSnippet } from './fetch.ts';
import type { SnippetRequest } from './request.ts';
import { typedClientSnippet } from './typed-client.ts';

export interface SnippetLanguage {
  id: 'curl' | 'fetch' | 'axios' | 'client';
  label: string;
  /** How the docs UI rewrites the base URL line: shell or JS quoting. */
  quoting: 'shell' | 'js';
  generate(req: SnippetRequest, baseUrl?: string): string;
}

export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = [
  { id: 'curl', label: 'cURL', quoting: 'shell', generate: curlSnippet },
  { id: 'fetch', label: 'fetch', quoting: 'js', generate: fetchSnippet },
  { id: 'axios', label: 'Node axios', quoting: 'js', generate: axiosSnippet },
  { id: 'client', label: 'Typed client', quoting: 'js', generate: typedClientSnippet },
];

export { snippetRequest, DEFAULT_BASE_URL, ENV, type SnippetRequest } from './request.ts';
export { curlSnippet, fetchSnippet, axiosSnippet, typedClientSnippet };
