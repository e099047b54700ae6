/**
 * The offline search's documents: operations (summary, description, status codes, response
 * headers), parameters, schemas, namespaces and the landing page's prose. Written as
 * `search-index.json` = `{ options, documents }`; the browser builds the MiniSearch index from
 * them on first search (packages/docs/assets/search.ts), as Redoc builds its lunr index, and gets
 * the index options from the generated file instead of importing the pipeline. Building the index
 * here and shipping it was slower on both sides: on Stripe's 3,462 documents, 170 ms per generate
 * against 10 ms, and a 1.66 MB file against 1.20 MB, where the browser's parse and `addAll` take
 * about 30 ms more than parsing and loading the built index.
 */
import type { OperationModel, TagModel } from './operations.ts';
import { isObject, type Doc } from './resolve.ts';
import { SEARCH_OPTIONS, type SearchDoc } from './search-options.ts';
import { tagFileName } from './tags.ts';
import { opAnchor } from './html/operation.ts';
import { safeId } from './escape.ts';
import { landingSections } from './html/landing.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Text of trusted HTML: tags out, our entities back (escape.ts writes), whitespace collapsed. */
export const htmlText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|#x[0-9a-f]+);/g, (_, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : ENTITIES[e]!,
    )
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Markdown as the reader sees it, cheaply (no parse: big specs have thousands of descriptions):
 * links and images keep their text, emphasis and code marks go, every other character stays
 * (`window.__xss=1` and `(see x)` are kept as written).
 */
const mdText = (md: string) =>
  md
    ? md
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/`+/g, '')
        .replace(/\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])/g, '')
        .replace(/^\s{0,3}(#{1,6}|>)\s+/gm, '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';

const clip = (s: string, n = 180) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Reason phrases, so "Too Many Requests" finds 429 as well. */
const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  '301': 'Moved Permanently',
  '302': 'Found',
  '304': 'Not Modified',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '405': 'Method Not Allowed',
  '409': 'Conflict',
  '410': 'Gone',
  '412': 'Precondition Failed',
  '413': 'Payload Too Large',
  '415': 'Unsupported Media Type',
  '422': 'Unprocessable Content',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
};

export function searchDocs(
  doc: Doc,
  tags: readonly TagModel[],
  ops: readonly OperationModel[] = tags.flatMap((t) => t.operations),
): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const { sections } = landingSections(doc, tags, ops);
  for (const s of sections)
    if (s.id !== 'namespaces') {
      const text = htmlText(s.body);
      docs.push({
        id: `guide:${s.id}`,
        kind: 'guide',
        title: htmlText(s.title),
        path: 'Overview',
        summary: clip(text),
        text,
        url: `index.html#${s.id}`,
      });
    }
  for (const tag of tags) {
    const file = tagFileName(tag.slug);
    const description = mdText(tag.description);
    docs.push({
      id: `tag:${tag.slug}`,
      kind: 'namespace',
      title: tag.name,
      path: '',
      summary: clip(description),
      text: description,
      url: file,
    });
    for (const op of tag.operations) {
      const url = `${file}#${opAnchor(op)}`;
      const title = `${op.method.toUpperCase()} ${op.path}`;
      docs.push({
        id: `op:${op.id}:${op.method}:${op.path}`,
        kind: 'operation',
        title,
        path: op.path,
        summary: op.summary, // plain text in OpenAPI: kept exactly
        text: `${op.id} ${tag.name} ${mdText(op.description)}`,
        url,
      });
      for (const p of op.parameters)
        docs.push({
          id: `param:${op.id}:${op.method}:${op.path}:${p.in}:${p.name}`,
          kind: 'parameter',
          title: p.name,
          path: title,
          summary: `${p.in} parameter of ${op.summary || title}`,
          text: mdText(p.description),
          url,
        });
      for (const r of op.responses) {
        const reason = REASONS[r.status] ?? '';
        const headers = r.headers.map((h) => `${h.name} ${mdText(h.description)}`).join(' ');
        docs.push({
          id: `res:${op.id}:${op.method}:${op.path}:${r.status}`,
          kind: 'response',
          title: `${r.status}${reason ? ` ${reason}` : ''}`,
          path: title,
          summary: clip(
            `${mdText(r.description)}${r.headers.length ? ` · headers: ${r.headers.map((h) => h.name).join(', ')}` : ''}`,
          ),
          text: headers,
          url,
        });
      }
    }
  }
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const s = isObject(schema) ? schema : {};
    const props = isObject(s.properties) ? Object.keys(s.properties).join(' ') : '';
    const description = mdText(typeof s.description === 'string' ? s.description : '');
    docs.push({
      id: `schema:${name}`,
      kind: 'schema',
      title: name,
      path: '',
      summary: clip(description),
      text: `${props} ${description}`,
      url: `schemas.html#schema-${safeId(name)}`,
    });
  }
  return docs;
}

/** The serialized `{ options, documents }`, each document once (ids unique, first kept). */
export function searchIndexJson(
  doc: Doc,
  tags: readonly TagModel[],
  ops?: readonly OperationModel[],
): string {
  // ids must be unique: a spec with duplicate operationIds must not make the browser's addAll throw
  const seen = new Set<string>();
  const docs = searchDocs(doc, tags, ops).filter((d) => !seen.has(d.id) && (seen.add(d.id), true));
  return `{"options":${JSON.stringify(SEARCH_OPTIONS)},"documents":${JSON.stringify(docs)}}`;
}
