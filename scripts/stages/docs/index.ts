/**
 * Stage `docs`: the docs site's pages, generated from the bundled spec alone — a landing page, one
 * page per namespace (tag), a schemas page, the downloadable `openapi.json` and the search index.
 * Hand-written browser assets live in packages/docs/assets; `pnpm docs:build` joins the two.
 */
import fs from 'node:fs';
import path from 'node:path';
import { withContent } from '../../pipeline/finished-file.ts';
import { specJson } from '../../pipeline/spec-json.ts';
import type { GeneratedFile, Stage } from '../../pipeline/stage.ts';
import { renderMarkdown } from './markdown.ts';
import { docsMeta, SITE_DIR, SPEC_CHANGELOG } from './meta.ts';
import { FAVICON_SVG } from './html/favicon.ts';
import { collectOperations } from './operations.ts';
import { groupByTag, tagFileName } from './tags.ts';
import type { Doc } from './resolve.ts';
import { page, type SiteInfo } from './html/layout.ts';
import { landingMain } from './html/landing.ts';
import { tagPageMain } from './html/tag-page.ts';
import { schemasMain } from './html/schemas-page.ts';
import { searchIndexJson } from './search-index.ts';
import { createPageMemo } from './page-memo.ts';
import { createViewMemo } from './html/view-memo.ts';

export { SITE_DIR, SPEC_CHANGELOG } from './meta.ts';

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

/** The spec changelog (written by `pnpm release:version`), shown as changelog.html when present. */

export interface SiteOptions {
  /** The changelog's Markdown: adds `changelog.html` and the links to it. */
  changelog?: string;
  /** `--watch`: keep the namespace pages (page-memo.ts) for the next build. */
  keep?: boolean;
  /**
   * Render each file when its `content` is read, every time it is read: for the
   * pipeline, which reads each file once. Not with `keep`: the page memo must see every page
   * before it lets the unused ones go.
   */
  lazy?: boolean;
}

/**
 * All site files for a spec; pure, so tests call it on fixture specs directly. Pages are printed
 * final (`formatted`): Prettier would only add indentation, and skipping it keeps the stage fast.
 */
export function buildSite(doc: Doc, dir = SITE_DIR, options: SiteOptions = {}): GeneratedFile[] {
  const ops = collectOperations(doc);
  const tags = groupByTag(doc, ops);
  const { changelog } = options;
  const hasChangelog = changelog !== undefined;
  const site: SiteInfo = {
    title: String(doc.info?.title ?? 'API'),
    version: String(doc.info?.version ?? ''),
    tags,
    connectOrigins: connectOrigins(doc),
    changelog: hasChangelog,
  };
  const file = (name: string, render: () => string): GeneratedFile =>
    options.lazy && !options.keep
      ? // rendered on each read: the pipeline reads a file once and keeps its bytes (run-stage.ts),
        // so the pages are never all held as text at once (GitHub's: 85 million characters)
        withContent({ path: `${dir}/${name}`, formatted: true }, render)
      : { path: `${dir}/${name}`, content: render(), formatted: true };
  const html = (name: string, title: string, main: () => string) =>
    file(name, () => page(site, name, title, main()));
  const files: GeneratedFile[] = [
    html('index.html', 'Overview', () => landingMain(doc, tags, ops, hasChangelog)),
    html('schemas.html', 'Schemas', () => schemasMain(doc)),
    file('openapi.json', () => `${specJson(doc)}\n`),
    file('search-index.json', () => `${searchIndexJson(doc, tags, ops)}\n`),
    { path: `${dir}/favicon.svg`, content: FAVICON_SVG, formatted: true },
  ];
  // heading offset 0: the changelog's own `# Changelog…` is the page's h1
  if (changelog !== undefined)
    files.push(
      html(
        'changelog.html',
        'Changelog',
        () => `<div class="md">${renderMarkdown(changelog, 0)}</div>`,
      ),
    );
  const memo = options.keep ? createPageMemo(doc, tags, ops) : undefined;
  const views = createViewMemo();
  for (const tag of tags) {
    const main = () =>
      memo ? memo.tagMain(tag, () => tagPageMain(doc, tag, views)) : tagPageMain(doc, tag, views);
    files.push(html(tagFileName(tag.slug), tag.name, main));
  }
  memo?.done();
  return files;
}

/** The changelog next to the spec, if the repository has one (read-only input, like the spec). */
function readChangelog(root: string): string | undefined {
  const file = path.join(root, SPEC_CHANGELOG);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export const docsStage: Stage = {
  ...docsMeta,
  run: ({ spec, root, rerun }) => {
    const changelog = readChangelog(root);
    return buildSite(spec, SITE_DIR, {
      ...(changelog === undefined ? {} : { changelog }),
      keep: rerun,
      lazy: true,
    });
  },
};
