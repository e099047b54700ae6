/**
 * A large response view (field list, response sample) is written once per namespace page; a
 * later one on the same page is a placeholder that links to it, and docs.js copies the first one
 * in place when the placeholder comes into view (scripts/stages/docs/html/page-repeats.ts,
 * packages/docs/assets/same-as.ts).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/stages/docs/index.ts';
import { REPEAT_MIN_CHARS } from '../../scripts/stages/docs/html/page-repeats.ts';
import { tagPageMain } from '../../scripts/stages/docs/html/tag-page.ts';
import { createViewMemo } from '../../scripts/stages/docs/html/view-memo.ts';
import { collectOperations } from '../../scripts/stages/docs/operations.ts';
import { groupByTag } from '../../scripts/stages/docs/tags.ts';
import { clipboardContext, hasChromium, launchChromium } from './support/browser.ts';
import { serveSpec, type ServedSite } from './support/site.ts';

type Spec = Parameters<typeof buildSite>[0];

/** Thing's documented example: all its fields, so its sample too is long enough to be linked. */
const THING_EXAMPLE: Record<string, unknown> = { shape: { radius: 2 } };
for (let i = 0; i < 40; i++) THING_EXAMPLE[`field_${i}`] = `value number ${i} of a thing example`;

/** `Thing`: 40 described fields and a oneOf (tabs in the view), well past REPEAT_MIN_CHARS. */
function repeatsSpec(): Spec {
  const properties: Record<string, unknown> = {
    shape: {
      oneOf: [
        { title: 'Round', type: 'object', properties: { radius: { type: 'number' } } },
        { title: 'Square', type: 'object', properties: { side: { type: 'number' } } },
      ],
    },
  };
  for (let i = 0; i < 40; i++)
    properties[`field_${i}`] = { type: 'string', description: `Field number ${i} of a thing.` };
  const json = (ref: string, example?: unknown) => ({
    'application/json': {
      schema: { $ref: `#/components/schemas/${ref}` },
      ...(example === undefined ? {} : { example }),
    },
  });
  const thing = { ...THING_EXAMPLE };
  const op = (id: string, tag: string) => ({
    operationId: id,
    tags: [tag],
    summary: id,
    responses: {
      '200': { description: 'The thing.', content: json('Thing', thing) },
      '404': { description: 'Not found.', content: json('Tiny', { id: 'x' }) },
    },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Repeats', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    tags: [{ name: 'Things' }, { name: 'Other' }],
    paths: {
      '/things': { get: op('listThings', 'Things') },
      '/things/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: op('getThing', 'Things'),
      },
      '/other': { get: op('getOther', 'Other') },
    },
    components: {
      schemas: {
        Thing: { type: 'object', properties },
        Tiny: { type: 'object', properties: { id: { type: 'string' } } },
      },
    },
  } as unknown as Spec;
}

const pageOf = (name: string) =>
  buildSite(repeatsSpec()).find((f) => f.path.endsWith(`/${name}`))!.content;

/** The HTML of one operation's section. */
const section = (html: string, id: string) =>
  /<section class="op" id="op-[^"]+"[\s\S]*?<\/section>/.exec(
    html.slice(html.indexOf(`<section class="op" id="op-${id}"`)),
  )![0];

describe('repeated response views on a namespace page', () => {
  const things = pageOf('things.html');

  it('writes the first view out and links later ones to it', () => {
    const first = section(things, 'listThings');
    const later = section(things, 'getThing');
    expect(first).toContain('<div class="schema" id="op-listThings-r200">');
    expect(first).not.toContain('data-same-as');
    // the fields are there once, and the second operation links to them
    expect(things.match(/<code class="fname">field_39<\/code>/g)).toHaveLength(1);
    expect(later).toContain(
      '<div class="schema same-as" data-same-as="op-listThings-r200"><p class="schema-link">Same fields as <a href="#op-listThings-r200">the 200 response of <code>GET /things</code></a>.</p></div>',
    );
    expect(later.length).toBeLessThan(first.length / 2);
  });

  it('links a repeated response sample, keeping its status and media type for try-it', () => {
    const first = section(things, 'listThings');
    const later = section(things, 'getThing');
    expect(first).toContain('id="op-listThings-res-200-ex-block" data-status="200"');
    expect(later).toMatch(
      /<div class="code same-as" data-same-as="op-listThings-res-200-ex-block" data-status="200" data-content-type="application\/json"><p class="schema-link">Same sample as <a href="#op-listThings-res-200-ex-block">/,
    );
  });

  it('writes short views again, and never links across pages', () => {
    const tiny = /<code class="fname">id<\/code> <span class="type">string<\/span>/g;
    // Tiny (the 404) is far below the threshold: each operation shows it
    expect(pageOf('things.html').match(tiny)!.length).toBeGreaterThanOrEqual(2);
    expect(section(things, 'getThing')).toContain('<div class="schema" id="op-getThing-r404">');
    const other = pageOf('other.html');
    expect(other).not.toContain('data-same-as');
    expect(other).toContain('<code class="fname">field_39</code>');
    expect(section(things, 'listThings').length).toBeGreaterThan(REPEAT_MIN_CHARS);
  });
});

describe('large views rendered once per site (view-memo.ts)', () => {
  it('gives a page the same HTML as rendering its views afresh, its own ids included', () => {
    const spec = repeatsSpec();
    const [things, other] = groupByTag(spec, collectOperations(spec));
    const memo = createViewMemo();
    tagPageMain(spec, things!, memo); // Thing's view and sample are now kept with Things' ids
    const reused = tagPageMain(spec, other!, memo);
    expect(reused).toBe(tagPageMain(spec, other!));
    expect(reused).toContain('<div class="schema" id="op-getOther-r200">');
    expect(reused).toContain('id="op-getOther-r200-');
    expect(reused).toContain('data-copy="op-getOther-res-200-ex"');
    expect(reused).not.toContain('op-listThings');
  });
});

describe.skipIf(!hasChromium())('repeated response views in Chromium', () => {
  let site: ServedSite;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    site = await serveSpec(repeatsSpec(), 'repeats');
    browser = await launchChromium();
    context = await clipboardContext(browser, site.url, { viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('copies the first view in place when the placeholder scrolls into view', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}things.html`);
    const later = page.locator('#op-getThing');
    await later.scrollIntoViewIfNeeded();
    await later.locator('[data-same-as]').first().waitFor({ state: 'detached' });
    const first = page.locator('#op-listThings .response.ok .schema');
    const copy = later.locator('.response.ok .schema');
    await expect(copy.innerText()).resolves.toBe(await first.innerText());
    await expect(copy.getAttribute('id')).resolves.toMatch(/^op-listThings-r200-c\d+$/);
    // every id on the page is unique, and the copy's tabs switch the copy's panels only
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    await copy.locator('details.nested > summary').first().click();
    await copy.getByRole('tab', { name: 'Square' }).click();
    await expect(copy.getByRole('tabpanel').first().innerText()).resolves.toContain('side');
    await expect(
      first.locator('[role="tab"]', { hasText: 'Round' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    // the copied sample's copy button copies the sample
    const sample = later.locator('.op-samples .code[data-status="200"]');
    await sample.locator('button.copy').click();
    await sample.locator('button.copy', { hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied)).toEqual(THING_EXAMPLE);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("try-it's example answer reads the first sample while a placeholder still stands", async () => {
    const page = await context.newPage();
    // no observer callbacks: placeholders stay as written; no mock bundle: the example answers
    await page.addInitScript(() => {
      (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = class {
        observe() {}
        unobserve() {}
      };
    });
    await page.route('**/mock/mock-browser.js', (route) => route.fulfill({ status: 404 }));
    await page.goto(`${site.url}things.html#op-getThing`);
    const later = page.locator('#op-getThing');
    await expect(later.locator('[data-same-as]').count()).resolves.toBeGreaterThan(0);
    await later.locator('details.tryit > summary').click();
    await later.locator('.send').click();
    const output = later.locator('.tryit-output');
    await output.locator('.status').waitFor({ timeout: 30_000 });
    await expect(output.locator('.status').innerText()).resolves.toBe('200');
    const body = await output.locator('.res-body').innerText();
    expect(JSON.parse(body)).toEqual(THING_EXAMPLE);
    await page.close();
  });
});
