/**
 * The built docs site is one self-contained static folder: nothing loads from another origin,
 * every internal link is relative and resolves, so any static host serves it under any path
 * (GitHub Pages serves it under /<repository>/). It shows the API version and links to the spec
 * changelog on every page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist } from '../../packages/docs/scripts/build-dist.ts';
import { startStaticServer } from '../../packages/docs/scripts/static-server.ts';
import { buildSite, SITE_DIR, SPEC_CHANGELOG } from '../../scripts/stages/docs/index.ts';
import { loadBundledSpec } from '../support/spec.ts';

const spec = loadBundledSpec();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-docs-site-'));
const dist = path.join(work, 'minbil-docs'); // served below as http://host/minbil-docs/
let pages: { file: string; html: string }[] = [];

beforeAll(async () => {
  const site = path.join(work, 'site');
  const changelog = fs.readFileSync(path.join(process.cwd(), SPEC_CHANGELOG), 'utf8');
  for (const file of buildSite(spec, SITE_DIR, { changelog })) {
    const target = path.join(site, path.relative(SITE_DIR, file.path));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  const result = await buildDist({ siteDir: site, outDir: dist });
  expect(result.changelog).toBe(true);
  pages = result.files
    .filter((f) => f.path.endsWith('.html'))
    .map((f) => ({ file: f.path, html: fs.readFileSync(path.join(dist, f.path), 'utf8') }));
}, 180_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every href/src value of a page, with the tag it sits on. */
const references = (html: string) =>
  [...html.matchAll(/<(\w+)\b[^>]*?\s(href|src)="([^"]*)"/g)].map((m) => ({
    tag: m[1]!.toLowerCase(),
    value: m[3]!.replace(/&amp;/g, '&'),
  }));

describe('docs:build output', () => {
  it('loads nothing from another origin: scripts, styles, icons and images are local files', () => {
    expect(pages.length).toBeGreaterThan(3);
    expect(references(pages[0]!.html).map((r) => r.tag)).toEqual(
      expect.arrayContaining(['link', 'script', 'a']),
    );
    for (const { file, html } of pages)
      for (const { tag, value } of references(html))
        if (tag !== 'a') expect(value, `${file} <${tag}>`).toMatch(/^(?!\/|[a-z]+:)/i);
    for (const css of fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.css'))) {
      const text = fs.readFileSync(path.join(dist, 'assets', css), 'utf8');
      expect(text).not.toMatch(/@import|url\(\s*['"]?(https?:|\/\/)/i);
    }
  });

  it('links internally with relative paths only, and every target exists', () => {
    for (const { file, html } of pages)
      for (const { value } of references(html)) {
        if (/^(#|https?:\/\/|mailto:|data:)/.test(value)) continue;
        expect(value, file).not.toMatch(/^\/|^\/\//);
        const target = path.join(dist, path.dirname(file), value.split(/[?#]/)[0]!);
        expect(fs.existsSync(target), `${file} -> ${value}`).toBe(true);
      }
  });

  it('serves from a sub-path of any static host: every page and what it references answers 200', async () => {
    const server = await startStaticServer(work, 0);
    try {
      const base = new URL('minbil-docs/', server.url);
      const urls = new Set<string>();
      for (const { file, html } of pages) {
        const pageUrl = new URL(file, base);
        urls.add(pageUrl.href);
        for (const { value } of references(html))
          if (!/^(#|https?:\/\/|mailto:|data:)/.test(value))
            urls.add(new URL(value, pageUrl).href.replace(/#.*$/, ''));
      }
      for (const url of urls) expect((await fetch(url)).status, url).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('shows the API version and links the spec changelog on every page', () => {
    for (const { file, html } of pages) {
      expect(html, file).toContain(`v${spec.info.version}`);
      expect(html, file).toMatch(/<a href="changelog\.html"/);
    }
    const changelog = pages.find((p) => p.file === 'changelog.html')!.html;
    expect(changelog).toMatch(/<h1>Changelog/);
    expect(changelog).toContain(`<h2>${spec.info.version}</h2>`);
  });
});
