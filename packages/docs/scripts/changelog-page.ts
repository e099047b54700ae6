/**
 * `changelog.html`: the spec's changelog (openapi/CHANGELOG.md, written by `pnpm release:version`)
 * in the site's layout, rendered by the docs stage's allow-list Markdown renderer. It is not a
 * stage output because the docs stage sees only the bundled spec; `docs:build` adds it to dist.
 */
import { connectOrigins } from '../../../scripts/stages/docs/index.ts';
import { page, type SiteInfo } from '../../../scripts/stages/docs/html/layout.ts';
import { renderMarkdown } from '../../../scripts/stages/docs/markdown.ts';
import { collectOperations } from '../../../scripts/stages/docs/operations.ts';
import type { Doc } from '../../../scripts/stages/docs/resolve.ts';
import { groupByTag } from '../../../scripts/stages/docs/tags.ts';

/** The page's file name; the layout's footer links to it. */
export const CHANGELOG_PAGE = 'changelog.html';

export function changelogPage(doc: Doc, markdown: string): string {
  const site: SiteInfo = {
    title: String(doc.info?.title ?? 'API'),
    version: String(doc.info?.version ?? ''),
    tags: groupByTag(doc, collectOperations(doc)),
    connectOrigins: connectOrigins(doc),
  };
  // heading offset 0: the file's own `# Changelog…` is the page's h1
  return page(
    site,
    CHANGELOG_PAGE,
    'Changelog',
    `<div class="md">${renderMarkdown(markdown, 0)}</div>`,
  );
}
