/** The page shell: strict CSP, one stylesheet and one deferred script (no inline code), header, nav. */
import { escapeHtml } from '../escape.ts';
import { GENERATED_NOTICE } from '../../../pipeline/header.ts';
import type { OperationModel, TagModel } from '../operations.ts';
import { opAnchor } from './operation.ts';
import { tagFileName } from '../tags.ts';
import { DEFAULT_BASE_URL } from '../snippets/request.ts';

export interface SiteInfo {
  title: string;
  version: string;
  tags: readonly TagModel[];
  /** Origins the try-it console may call (from `servers`, plus local development). */
  connectOrigins: readonly string[];
  /** Whether the site has a changelog page (only then do pages link it). */
  changelog?: boolean;
}

/** The Content-Security-Policy: nothing inline, nothing from other origins except the API servers. */
export function contentSecurityPolicy(connectOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${connectOrigins.join(' ')}`.trim(),
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

function opItem(file: string, op: OperationModel): string {
  const label = op.summary || op.path;
  return (
    `<li><a href="${file}#${opAnchor(op)}"><span class="method m-${escapeHtml(op.method)}">${escapeHtml(op.method.toUpperCase())}</span>` +
    `${escapeHtml(label)}</a></li>`
  );
}

/** Sidebar groups per namespace, rendered once per site (pages only differ in which is open). */
const navCache = new WeakMap<SiteInfo, Map<string, [closed: string, open: string]>>();

function navGroups(site: SiteInfo): Map<string, [string, string]> {
  let groups = navCache.get(site);
  if (groups) return groups;
  groups = new Map();
  for (const t of site.tags) {
    const file = tagFileName(t.slug);
    const ops = t.operations.map((op) => opItem(file, op)).join('');
    const make = (open: boolean) =>
      `<li><details class="nav-group${open ? ' current' : ''}"${open ? ' open' : ''}><summary>${escapeHtml(t.name)} <span class="count">${t.operations.length}</span></summary>` +
      `<ul class="nav-ops"><li><a href="${file}"${open ? ' aria-current="page"' : ''}>${escapeHtml(t.name)} overview</a></li>${ops}</ul></details></li>`;
    groups.set(file, [make(false), make(true)]);
  }
  navCache.set(site, groups);
  return groups;
}

function nav(site: SiteInfo, current: string): string {
  const item = (href: string, text: string) =>
    `<li><a href="${href}"${href === current ? ' aria-current="page"' : ''}>${escapeHtml(text)}</a></li>`;
  const groups = [...navGroups(site)]
    .map(([file, [closed, open]]) => (file === current ? open : closed))
    .join('');
  return (
    `<nav class="sidebar" id="sidebar" aria-label="API reference"><ul>${item('index.html', 'Overview')}</ul>` +
    `<h2 class="nav-title">Namespaces</h2><ul class="nav-tags">${groups}</ul><ul>${item('schemas.html', 'Schemas')}` +
    `${site.changelog ? item('changelog.html', 'Changelog') : ''}</ul></nav>`
  );
}

function header(site: SiteInfo): string {
  return (
    `<header class="top"><button type="button" class="menu-toggle" aria-controls="sidebar" aria-expanded="false">Menu</button>` +
    `<a class="brand" href="index.html">${escapeHtml(site.title)}</a>` +
    ` <span class="version" title="API version">v${escapeHtml(site.version)}</span>` +
    `<div class="search" role="search"><label for="search-input" class="visually-hidden">Search the API</label>` +
    `<input id="search-input" type="search" placeholder="Search" autocomplete="off" aria-controls="search-results" aria-describedby="search-hint">` +
    `<span id="search-hint" class="visually-hidden">Press slash to focus search.</span>` +
    `<ul id="search-results" class="search-results" hidden></ul></div>` +
    `<details class="settings"><summary>Settings</summary><label for="base-url">Snippet base URL</label>` +
    `<input id="base-url" type="url" value="${escapeHtml(DEFAULT_BASE_URL)}" spellcheck="false">` +
    `<p class="hint">Used by every cURL, fetch, axios and client snippet on the site.</p></details>` +
    `<a class="download" href="openapi.json" download>openapi.json</a></header>`
  );
}

/** A complete HTML page. `file` is the page's own file name (for `aria-current`). */
export function page(site: SiteInfo, file: string, title: string, main: string): string {
  return `<!doctype html>
<!-- ${escapeHtml(GENERATED_NOTICE)} -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(site.connectOrigins))}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)} · ${escapeHtml(site.title)} v${escapeHtml(site.version)}</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="assets/docs.css">
<script defer src="assets/docs.js"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${header(site)}
<div class="layout">
${nav(site, file)}
<main id="main" tabindex="-1">
${main}
</main>
</div>
<footer class="foot"><p>Generated from the OpenAPI description (<a href="openapi.json">openapi.json</a>), API version ${escapeHtml(site.version)}.${site.changelog ? ' <a href="changelog.html">Changelog</a>.' : ''}</p></footer>
</body>
</html>
`;
}
