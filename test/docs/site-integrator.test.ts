/**
 * What an integrator notices, checked in Chromium on the real spec's built site: every operation
 * answers 2xx through try-it with its defaults (and shows the request it sent); no page is wider
 * than a plain 390×844 viewport before or after a try-it (not `isMobile`: that makes innerWidth
 * the content width, see FIELD-NOTES); every deep link shows its heading below the sticky header
 * on mobile; axe-core finds no violation of any impact on any page, light and dark; search
 * tolerates typos and finds status codes and headers.
 */
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOperations } from '../../scripts/stages/docs/operations.ts';
import { opAnchor } from '../../scripts/stages/docs/html/operation.ts';
import { groupByTag, tagFileName } from '../../scripts/stages/docs/tags.ts';
import { hasChromium, launchChromium } from './support/browser.ts';
import { serveSpec, type ServedSite } from './support/site.ts';
import { realSpec, ROOT } from './support/spec.ts';

const SHOTS = path.join(ROOT, 'test-results/docs');
const MOBILE = { width: 390, height: 844 };

/** Every violation axe reports, whatever its impact. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source); // CDP evaluation, not an inline script: the CSP allows it
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    return width > window.innerWidth ? `${width}px wide at ${window.innerWidth}px` : '';
  });

describe.skipIf(!hasChromium())('docs site, as an integrator uses it', () => {
  const spec = realSpec();
  const ops = collectOperations(spec);
  const tags = groupByTag(spec, ops);
  let site: ServedSite;
  let browser: Browser;
  let pages: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    site = await serveSpec(spec, 'browser-integrator');
    browser = await launchChromium();
    pages = fs.readdirSync(path.join(site.dir, 'dist')).filter((f) => f.endsWith('.html'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('sends every operation through try-it with its defaults: all 2xx, no overflow at 390 px before or after', async () => {
    expect(site.mock).toBe(true);
    const context = await browser.newContext({ viewport: MOBILE });
    const page = await context.newPage();
    const failures: string[] = [];
    const wide: string[] = [];
    let sent = 0;
    for (const file of pages) {
      await page.goto(`${site.url}${file}`);
      const before = await overflow(page);
      if (before) wide.push(`${file} on load: ${before}`);
      const tag = tags.find((t) => tagFileName(t.slug) === file);
      for (const op of tag?.operations ?? []) {
        const section = page.locator(`[id="${opAnchor(op)}"]`);
        await section.locator('details.tryit > summary').click();
        await section.locator('.send').click();
        const status = section.locator('.tryit-output .status');
        await status.waitFor({ timeout: 30_000 });
        const code = Number(await status.innerText());
        const shown = await section.locator('.tryit-output .req-sent').innerText();
        sent++;
        if (code < 200 || code > 299)
          failures.push(`${op.method.toUpperCase()} ${op.path} (${op.id}): ${code}\n${shown}`);
        // the request it sent is shown: method and URL first, the credential masked
        expect(shown.split('\n')[0], op.id).toMatch(
          new RegExp(`^${op.method.toUpperCase()} http://127\\.0\\.0\\.1:\\d+/__mock__/api/co/`),
        );
        expect(shown, op.id).not.toMatch(/minbil-demo-(access|refresh)-token|minbil-demo-api-key/);
      }
      const after = await overflow(page);
      if (after && tag) wide.push(`${file} after try-it: ${after}`);
      if (file === 'booking.html')
        await page.screenshot({
          path: path.join(SHOTS, 'booking-after-tryit-390.png'),
          fullPage: false,
        });
    }
    expect(sent).toBe(ops.length);
    expect(failures).toEqual([]);
    expect(wide).toEqual([]);
    await context.close();
  }, 240_000);

  it('deep links show their operation heading below the sticky header on a phone', async () => {
    const context = await browser.newContext({ viewport: MOBILE });
    const page = await context.newPage();
    const hidden: string[] = [];
    for (const tag of tags)
      for (const op of tag.operations) {
        await page.goto('about:blank');
        await page.goto(`${site.url}${tagFileName(tag.slug)}#${opAnchor(op)}`);
        const box = await page.evaluate((id) => {
          const header = document.querySelector('header.top')!.getBoundingClientRect();
          const heading = document.getElementById(`${id}-title`)!.getBoundingClientRect();
          return { header: header.bottom, top: heading.top, bottom: heading.bottom };
        }, opAnchor(op));
        if (box.top < box.header || box.bottom > MOBILE.height)
          hidden.push(`${op.id}: heading ${box.top}..${box.bottom}, header ends at ${box.header}`);
      }
    expect(hidden).toEqual([]);
    await context.close();
  }, 180_000);

  for (const colorScheme of ['light', 'dark'] as const)
    it(`axe-core: 0 violations of any impact on every page (${colorScheme})`, async () => {
      const found: string[] = [];
      const context = await browser.newContext({
        colorScheme,
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      for (const file of pages) {
        await page.goto(`${site.url}${file}`);
        for (const v of await axeViolations(page)) found.push(`${colorScheme} ${file}: ${v}`);
      }
      await context.close();
      expect(pages.length).toBeGreaterThan(20);
      expect(found).toEqual([]);
    }, 240_000);

  it('sidebar lists every operation and follows the scroll; mobile menu; the snippet language persists', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}booking.html`);
    const listed = await page
      .locator('#sidebar .nav-ops a[href*="#op-"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(listed.sort()).toEqual(
      tags
        .flatMap((t) => t.operations.map((op) => `${tagFileName(t.slug)}#${opAnchor(op)}`))
        .sort(),
    );
    const booking = tags.find((t) => tagFileName(t.slug) === 'booking.html')!;
    const target = booking.operations[booking.operations.length - 1]!;
    await page.locator(`[id="${opAnchor(target)}"]`).scrollIntoViewIfNeeded();
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), opAnchor(target));
    await expect
      .poll(() => page.locator('#sidebar a[aria-current="location"]').getAttribute('href'))
      .toBe(`booking.html#${opAnchor(target)}`);
    // at >= 1200 px the samples sit to the right of the reference
    const [doc, samples] = await Promise.all(
      ['.op-doc', '.op-samples'].map((c) =>
        page.locator(`[id="${opAnchor(target)}"] ${c}`).boundingBox(),
      ),
    );
    expect(samples!.x).toBeGreaterThan(doc!.x + doc!.width - 1);
    // choose fetch once: every operation, and the next page, show fetch
    await page.locator('[role="tab"][data-key="fetch"]').first().click();
    await page.goto(`${site.url}vehicles.html`);
    const selected = await page
      .locator('.tabs[data-group="lang"] [role="tab"][aria-selected="true"]')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('data-key')));
    expect(new Set(selected)).toEqual(new Set(['fetch']));
    await context.close();

    const phone = await browser.newContext({ viewport: MOBILE });
    const mobile = await phone.newPage();
    await mobile.goto(`${site.url}vehicles.html`);
    await expect(mobile.locator('#sidebar').isVisible()).resolves.toBe(false);
    await mobile.locator('.menu-toggle').click();
    await expect(mobile.locator('#sidebar').isVisible()).resolves.toBe(true);
    await expect(mobile.locator('.menu-toggle').getAttribute('aria-expanded')).resolves.toBe(
      'true',
    );
    expect(await overflow(mobile)).toBe('');
    await mobile.screenshot({ path: path.join(SHOTS, 'menu-390.png') });
    await phone.close();
  }, 60_000);

  it('search tolerates typos, finds status codes and headers, and highlights what matched', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}index.html`);
    const search = async (query: string) => {
      await page.fill('#search-input', '');
      await page.fill('#search-input', query);
      await page.locator('#search-results li').first().waitFor();
      return page.locator('#search-results a').evaluateAll((as) =>
        as.map((a) => ({
          href: a.getAttribute('href') ?? '',
          text: a.textContent ?? '',
          marks: [...a.querySelectorAll('mark')].map((m) => m.textContent),
        })),
      );
    };
    const cancel = await search('cancle bookng');
    expect(cancel[0]?.href).toMatch(/#op-cancelBooking$/);
    expect(cancel[0]?.marks.map((m) => m?.toLowerCase())).toEqual(
      expect.arrayContaining(['cancel', 'booking']),
    );
    const limited = await search('429');
    expect(limited.some((h) => h.href === 'index.html#rate-limits')).toBe(true);
    expect(limited.some((h) => /^response/.test(h.text) && h.text.includes('429'))).toBe(true);
    const retry = await search('Retry-After');
    expect(retry.some((h) => h.text.includes('Retry-After') && /#op-/.test(h.href))).toBe(true);
    // summaries are shown as written (plain text, nothing dropped)
    const withSummary = ops.find((o) => /[._()`]/.test(o.summary));
    if (withSummary) {
      const hits = await search(withSummary.summary);
      expect(hits.map((h) => h.text).join('\n')).toContain(withSummary.summary);
    }
    await page.screenshot({ path: path.join(SHOTS, 'search-typo.png') });
    await context.close();
  }, 60_000);
});
