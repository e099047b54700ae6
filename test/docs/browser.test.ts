/**
 * The built site in Debian's Chromium (playwright-core), served on 127.0.0.1: navigation, search,
 * copy, try-it against the in-browser mock, axe-core, and a hostile spec rendering inert and exact.
 */
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOperations } from '../../scripts/stages/docs/operations.ts';
import { groupByTag, tagFileName } from '../../scripts/stages/docs/tags.ts';
import { curlSnippet, snippetRequest } from '../../scripts/stages/docs/snippets/index.ts';
import { clipboardContext, hasChromium, launchChromium } from './support/browser.ts';
import { serveSpec, type ServedSite } from './support/site.ts';
import { realSpec, ROOT, xssSpec } from './support/spec.ts';

const SHOTS = path.join(ROOT, 'test-results/docs');
if (!hasChromium())
  console.warn(
    'docs: /usr/bin/chromium missing (apt-get install -y chromium): skipping browser tests',
  );

/** Collects page errors and CSP violations; a test fails if any appear. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source); // CDP evaluation: not an inline script, so the page's CSP allows it
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

describe.skipIf(!hasChromium())('docs site in Chromium', () => {
  const spec = realSpec();
  const tags = groupByTag(spec, collectOperations(spec));
  let site: ServedSite;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    site = await serveSpec(spec, 'browser-real');
    browser = await launchChromium();
    context = await clipboardContext(browser, site.url, { viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('landing links to every namespace page, and each renders its operations', async () => {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}index.html`);
    await expect(page.locator('h1').innerText()).resolves.toContain(spec.info.version);
    await page.screenshot({ path: path.join(SHOTS, 'landing.png'), fullPage: false });
    const hrefs = await page
      .locator('ul.namespaces a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(tags.map((t) => tagFileName(t.slug)));
    for (const tag of tags) {
      await page
        .locator('ul.namespaces a', { hasText: new RegExp(`^${tag.name}$`) })
        .first()
        .click();
      await page.waitForURL(new RegExp(`${tagFileName(tag.slug)}$`), { waitUntil: 'load' });
      await expect(page.locator('h1').innerText()).resolves.toBe(tag.name);
      expect(await page.locator('section.op').count()).toBe(tag.operations.length);
      await page.goBack();
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('search finds an operation by a word of its description, and / focuses the box', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}schemas.html`);
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
    await page.keyboard.type('Idempotent'); // only in linkVehicle's description
    const hit = page.locator('#search-results a[href$="#op-linkVehicle"]');
    await hit.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'search.png') });
    await hit.click();
    await page.waitForURL(/vehicles\.html#op-linkVehicle$/);
    await page.close();
  });

  it('a copy button copies the exact snippet (with & intact)', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}vehicles.html#op-listVehicles`);
    const button = page.locator('#op-listVehicles button[data-copy="op-listVehicles-curl"]');
    await button.click();
    await page
      .locator('#op-listVehicles button[data-copy="op-listVehicles-curl"]', { hasText: 'Copied' })
      .waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const op = collectOperations(spec).find((o) => o.id === 'listVehicles')!;
    expect(copied).toBe(curlSnippet(snippetRequest(op)));
    expect(copied).toContain('?registration_number=BT57225&reg=BT57225');
    await page.screenshot({ path: path.join(SHOTS, 'namespace-vehicles.png') });
    await page.close();
  });

  it('the base URL setting rewrites every snippet kind', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}car-brands.html`);
    await page.locator('details.settings > summary').click();
    await page.fill('#base-url', 'http://127.0.0.1:4010/api/co');
    await page.locator('#base-url').press('Enter');
    await page.locator('#base-url').dispatchEvent('change');
    const texts = await page.locator('[data-quoting] code').allTextContents();
    for (const t of texts)
      expect(t).toMatch(/BASE_URL( = "|=')http:\/\/127\.0\.0\.1:4010\/api\/co/);
    await page.close();
  });

  it('the try-it console gets the example response from the in-browser mock', async () => {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${site.url}vehicles.html#op-listVehicles`);
    await page.locator('#op-listVehicles details.tryit > summary').click();
    await page.locator('#op-listVehicles .send').click();
    const output = page.locator('#op-listVehicles .tryit-output');
    await output.locator('.status').waitFor({ timeout: 30_000 });
    await expect(output.locator('.status').innerText()).resolves.toBe('200');
    const body = await output.locator('.res-body').innerText();
    expect(body).toContain('"registration_number": "BT57225"');
    await expect(output.innerText()).resolves.toContain(
      site.mock ? 'in-browser mock (MSW' : 'Documented example',
    );
    await page
      .locator('#op-listVehicles details.tryit')
      .screenshot({ path: path.join(SHOTS, 'try-it.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('axe-core: no serious or critical violations on each page type', async () => {
    const page = await context.newPage();
    for (const file of ['index.html', 'vehicles.html', 'schemas.html']) {
      await page.goto(`${site.url}${file}`);
      expect(await axeViolations(page), file).toEqual([]);
    }
    await page.goto(`${site.url}vehicles.html`);
    await page.locator('#op-listVehicles details.tryit > summary').click();
    expect(await axeViolations(page), 'try-it console').toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'schemas.png') });
    const dark = await browser.newContext({
      colorScheme: 'dark',
      viewport: { width: 390, height: 844 },
    });
    const mobile = await dark.newPage();
    await mobile.goto(`${site.url}vehicles.html`);
    expect(await axeViolations(mobile), 'dark, narrow').toEqual([]);
    await mobile.screenshot({ path: path.join(SHOTS, 'namespace-dark-mobile.png') });
    await dark.close();
    await page.close();
  });
});

describe.skipIf(!hasChromium())('hostile spec in Chromium', () => {
  let site: ServedSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await serveSpec(xssSpec(), 'browser-xss');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('renders inert and exact: no dialog, no script, no entity decoding', async () => {
    const context = await clipboardContext(browser, site.url);
    const page = await context.newPage();
    const problems = watch(page);
    const pages = fs.readdirSync(path.join(site.dir, 'dist')).filter((f) => f.endsWith('.html'));
    for (const file of pages) {
      await page.goto(`${site.url}${file}`);
      await page
        .locator('details')
        .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await page.waitForTimeout(100);
      await expect(
        page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      ).resolves.toBeUndefined();
      expect(await page.locator('main img, main svg, main iframe, main script').count(), file).toBe(
        0,
      );
    }
    await page.goto(`${site.url}index.html`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Entity test: &amp; &lt;b&gt; &reg=1 &copy;');
    expect(text).toContain('<script>window.__pwned=3</script>');
    expect(text).not.toContain('®');
    const tagPage = pages.find((f) => f.startsWith('evil'))!;
    await page.goto(`${site.url}${tagPage}`);
    await expect(page.locator('main').innerText()).resolves.toContain(
      '?registration_number=BT1&reg=BT2',
    );
    await page.screenshot({ path: path.join(SHOTS, 'xss-fixture.png'), fullPage: true });
    const button = page.locator('button.copy[data-copy$="-curl"]').first();
    const id = await button.getAttribute('data-copy');
    await button.click();
    await page.locator(`button.copy[data-copy="${id}"]`, { hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator(`[id="${id}"]`).textContent());
    expect(copied).toContain('registration_number=BT57225%26reg%3DBT57225');
    expect(problems).toEqual([]);
    await context.close();
  });
});
