/**
 * Stage `docs`: the docs site's pages, generated from the bundled spec alone — a landing page, one
 * page per namespace (tag), a schemas page, the downloadable `openapi.json` and the search index.
 * Hand-written browser assets live in packages/docs/assets; `pnpm docs:build` joins the two.
 */
import type { GeneratedFile, Stage } from '../../pipeline/stage.ts';
import { collectOperations } from './operations.ts';
import { groupByTag, tagFileName } from './tags.ts';
import type { Doc } from './resolve.ts';
import { page, type SiteInfo } from './html/layout.ts';
import { landingMain } from './html/landing.ts';
import { tagPageMain } from './html/tag-page.ts';
import { schemasMain } from './html/schemas-page.ts';
import { buildSearchIndex } from './search-index.ts';

export const SITE_DIR = 'packages/docs/site';

/** Origins the try-it console may call: the spec's http(s) servers plus local development. */
export function connectOrigins(doc: Doc): string[] {
  const origins = new Set<string>(['http://localhost:5000', 'http://127.0.0.1:5000']);
  for (const s of doc.servers ?? []) {
    try {
      const url = new URL(s.url);
      if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
    } catch {
      // relative or templated server URLs need no extra origin
    }
  }
  return [...origins];
}

/** All site files for a spec; pure, so tests call it on fixture specs directly. */
export function buildSite(doc: Doc, dir = SITE_DIR): GeneratedFile[] {
  const ops = collectOperations(doc);
  const tags = groupByTag(doc, ops);
  const site: SiteInfo = {
    title: String(doc.info?.title ?? 'API'),
    version: String(doc.info?.version ?? ''),
    tags,
    connectOrigins: connectOrigins(doc),
  };
  const files: GeneratedFile[] = [
    {
      path: `${dir}/index.html`,
      content: page(site, 'index.html', 'Overview', landingMain(doc, tags, ops)),
    },
    {
      path: `${dir}/schemas.html`,
      content: page(site, 'schemas.html', 'Schemas', schemasMain(doc)),
    },
    { path: `${dir}/openapi.json`, content: `${JSON.stringify(doc, null, 2)}\n`, formatted: true },
    {
      path: `${dir}/search-index.json`,
      content: `${buildSearchIndex(doc, tags)}\n`,
      formatted: true,
    }, // compact: Prettier would triple it
  ];
  for (const tag of tags) {
    const file = tagFileName(tag.slug);
    files.push({
      path: `${dir}/${file}`,
      content: page(site, file, tag.name, tagPageMain(doc, tag)),
    });
  }
  return files;
}

export const docsStage: Stage = {
  name: 'docs',
  owns: [SITE_DIR],
  run: ({ spec }) => buildSite(spec),
};
