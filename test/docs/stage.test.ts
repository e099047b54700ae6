/** The docs stage as a pure function: pages, deep links, CSP, escaping, and survival of formatting. */
import { describe, expect, it } from 'vitest';
import { buildSite, docsStage, SITE_DIR } from '../../scripts/stages/docs/index.ts';
import { collectOperations } from '../../scripts/stages/docs/operations.ts';
import { groupByTag, tagFileName } from '../../scripts/stages/docs/tags.ts';
import { SNIPPET_LANGUAGES, snippetRequest } from '../../scripts/stages/docs/snippets/index.ts';
import { formatFiles } from '../../scripts/pipeline/format.ts';
import { withHeader } from '../../scripts/pipeline/header.ts';
import { codeBlocks, realSpec, ROOT, unescapeHtml, xssSpec } from './support/spec.ts';

const html = <T extends { path: string }>(files: T[]) =>
  files.filter((f) => f.path.endsWith('.html'));

/** Checks every page must pass, whatever the spec says. */
function expectSafePage(content: string, path: string): void {
  const raw = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(content)?.[1];
  expect(raw, path).toBeDefined();
  const csp = unescapeHtml(raw!);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(csp).toContain("script-src 'self'");
  // the only scripts are files; no inline style; no event handler attributes outside quoted values
  const scripts = [...content.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  expect(scripts, path).toEqual(['<script defer src="assets/docs.js">']);
  const tags = content.replace(/"[^"]*"/g, '""');
  expect(tags, path).not.toMatch(/<style\b|\sstyle=|<[^>]*\son\w+\s*=/i);
  // every href is relative, a fragment, or an allow-listed scheme (no CDN: only links, never loads)
  for (const m of content.matchAll(/\s(?:href|src)="([^"]*)"/g))
    expect(m[1], path).toMatch(
      /^(#|(assets\/)?[\w.-]+\.(html|json|css|js|svg)(#|$)|https?:\/\/|mailto:)/,
    );
  // `&` is always an entity start: `&reg=` can never reach the browser raw
  expect(content, path).not.toMatch(/&(?!(amp|lt|gt|quot|#39|#x[0-9a-f]+);)/);
}

describe('docs stage on the real spec', () => {
  const spec = realSpec();
  const files = buildSite(spec);
  const ops = collectOperations(spec);
  const tags = groupByTag(spec, ops);

  it('owns packages/docs/site and writes landing, schemas, spec, search index and one page per tag', () => {
    expect(docsStage.owns).toEqual([SITE_DIR]);
    const paths = files.map((f) => f.path.slice(SITE_DIR.length + 1));
    expect(paths).toEqual(
      expect.arrayContaining(['index.html', 'schemas.html', 'openapi.json', 'search-index.json']),
    );
    for (const tag of tags) expect(paths).toContain(tagFileName(tag.slug));
    expect(html(files)).toHaveLength(tags.length + 2);
  });

  it('renders the same files when each is rendered on reading (as the pipeline asks)', () => {
    const lazy = buildSite(spec, SITE_DIR, { lazy: true });
    expect(lazy.map((f) => f.path)).toEqual(files.map((f) => f.path));
    lazy.forEach((f, i) => expect(f.content, f.path).toBe(files[i]!.content));
    // a spread (a copy made by a later step) still has the text
    expect({ ...lazy[0]! }.content).toBe(files[0]!.content);
  });

  it('puts every operation exactly once, on its own namespace page, under #op-<operationId>', () => {
    for (const op of ops) {
      const pages = html(files).filter((f) => f.content.includes(`id="op-${op.id}"`));
      const tag = tags.find((t) => t.name === op.tag)!;
      expect(
        pages.map((p) => p.path),
        op.id,
      ).toEqual([`${SITE_DIR}/${tagFileName(tag.slug)}`]);
    }
  });

  it('gives every schema a deep link and shows the API version on every page', () => {
    const schemas = files.find((f) => f.path.endsWith('/schemas.html'))!.content;
    for (const name of Object.keys(spec.components?.schemas ?? {}))
      expect(schemas).toContain(`id="schema-${name}"`);
    for (const page of html(files)) expect(page.content).toContain(`v${spec.info.version}`);
  });

  it('every page is safe: CSP without unsafe-*, no inline code, relative links, & escaped', () => {
    for (const page of html(files)) expectSafePage(page.content, page.path);
  });

  it('the landing page covers base URLs, auth, the three error shapes, pagination and 429', () => {
    const landing = files.find((f) => f.path.endsWith('/index.html'))!.content;
    for (const id of [
      'base-urls',
      'authentication',
      'error-problem',
      'error-envelope',
      'error-legacy',
      'pagination',
      'rate-limits',
      'namespaces',
    ])
      expect(landing).toContain(`id="${id}"`);
    for (const tag of tags) expect(landing).toContain(`href="${tagFileName(tag.slug)}"`);
    expect(landing).toContain('x-api-key');
  });

  it('pages are printed final (no Prettier pass) and show exactly what the generators produce', async () => {
    expect(html(files).every((f) => f.formatted)).toBe(true);
    // the orchestrator's formatter leaves them as they are
    const formatted = await formatFiles(
      html(files).map((f) => ({ ...f, content: withHeader(f.path, f.content) })),
      ROOT,
    );
    for (const [i, page] of html(files).entries())
      expect(formatted[i]!.content).toBe(withHeader(page.path, page.content));
    for (const op of ops) {
      const page = html(files).find((f) => f.content.includes(`id="op-${op.id}"`))!;
      const blocks = codeBlocks(page.content);
      for (const lang of SNIPPET_LANGUAGES)
        expect(blocks.get(`op-${op.id}-${lang.id}`), `${op.id} ${lang.id}`).toBe(
          lang.generate(snippetRequest(op)),
        );
    }
    const op = ops.find((o) => o.id === 'listVehicles')!;
    expect(SNIPPET_LANGUAGES[0]!.generate(snippetRequest(op))).toContain(
      '?registration_number=BT57225&reg=BT57225',
    );
  });

  it('is deterministic', () => {
    expect(buildSite(spec)).toEqual(files);
  });
});

describe('docs stage on a hostile spec', () => {
  const files = buildSite(xssSpec());

  it('renders every page safely', () => {
    for (const page of html(files)) expectSafePage(page.content, page.path);
    const all = html(files)
      .map((f) => f.content)
      .join('\n');
    expect(all).not.toMatch(/<(img|svg|iframe)\b/i);
    expect(all).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
  });

  it('a tag named like a reserved page does not overwrite it', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain(`${SITE_DIR}/index-ns.html`);
    expect(files.find((f) => f.path === `${SITE_DIR}/index.html`)!.content).toContain(
      '<h2 id="namespaces">',
    );
  });

  it('server URLs cannot inject CSP directives', () => {
    const csp = unescapeHtml(
      /Content-Security-Policy" content="([^"]+)"/.exec(files[0]!.content)![1]!,
    );
    expect(csp).toContain('https://api.example.com');
    expect(csp.match(/script-src/g)).toHaveLength(1);
    expect(csp).not.toContain('javascript');
  });
});

/** A small spec with the constructs real-world specs use and ours does not. */
function oddSpec(): Parameters<typeof buildSite>[0] {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Odd',
      version: '2',
      description: 'Intro.\n\n## Authentication\nUse a key.\n\n## Pagination\nCursor based.',
      contact: { name: 'Team', email: 'team@example.com' },
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      termsOfService: 'https://example.com/terms',
    },
    paths: {
      '/pets/{id}': {
        get: {
          summary: 'Get a `pet` (window.__x=1)',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
            {
              name: 'tags',
              in: 'query',
              style: 'pipeDelimited',
              explode: false,
              schema: { type: 'array', items: { type: 'string' } },
              example: ['a', 'b'],
            },
            {
              name: 'filter',
              in: 'query',
              style: 'deepObject',
              schema: { type: 'object' },
              example: { kind: 'cat' },
            },
          ],
          responses: {
            '200': {
              description: 'A pet',
              content: {
                'audio/*': { schema: true },
                'application/json': { schema: { $ref: '#/components/schemas/Pet' } },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Pet: {
          oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
          discriminator: {
            propertyName: 'kind',
            mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' },
          },
        },
        Cat: {
          type: 'object',
          required: ['kind'],
          properties: { kind: { const: 'cat' }, owner: { $ref: '#/components/schemas/Owner' } },
        },
        Dog: {
          properties: {
            kind: { const: 'dog' },
            bark: { type: 'boolean', default: true },
            any: false,
          },
        },
        Owner: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1 },
            pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
          },
        },
      },
    },
  } as unknown as Parameters<typeof buildSite>[0];
}

describe('docs stage on odd valid specs', () => {
  const files = buildSite(oddSpec());
  const page = (name: string) => files.find((f) => f.path.endsWith(`/${name}`))?.content ?? '';
  const ns = html(files).find((f) => f.content.includes('class="op"'))!.content;

  it('builds without tags, operationIds or a changelog, with wildcard media and boolean schemas', () => {
    for (const f of html(files)) expectSafePage(f.content, f.path);
    expect(files.some((f) => f.path.endsWith('/changelog.html'))).toBe(false);
    for (const f of html(files)) expect(f.content, f.path).not.toContain('changelog.html');
    expect(page('favicon.svg')).toMatch(/^<svg /);
    expect(page('index.html')).toContain('<link rel="icon" href="favicon.svg"');
  });

  it('shows oneOf as tabs with the discriminator, nested fields expandable, the schema linked', () => {
    expect(ns).toContain('chosen by the discriminator <code>kind</code>');
    expect(ns).toMatch(/role="tab"[^>]*>cat<\/button>/);
    expect(ns).toMatch(/role="tab"[^>]*>dog<\/button>/);
    expect(ns).toContain('<summary>Fields of <code>owner</code></summary>');
    expect(ns).toContain('href="schemas.html#schema-Pet"');
    expect(ns).toContain('minLength 1');
    expect(ns).toContain('default <code>true</code>');
    // the cycle Pet → Cat → Owner → pets[] → Pet only links back
    expect(ns).toContain('See <a href="schemas.html#schema-Pet">Pet</a>.');
  });

  it('keeps summaries as plain text, backticks and underscores included', () => {
    expect(ns).toContain('Get a `pet` (window.__x=1)');
    const index = JSON.parse(page('search-index.json')) as { documents: { summary: string }[] };
    const summaries = index.documents.map((d) => d.summary);
    expect(summaries).toContain('Get a `pet` (window.__x=1)');
  });

  it('landing: one set of sections, the spec headings continued, contact, license and terms shown', () => {
    const landing = page('index.html');
    const h2 = [...landing.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(h2.filter((t) => t === 'Authentication')).toHaveLength(1);
    expect(h2.filter((t) => t === 'Pagination')).toHaveLength(1);
    expect(new Set(h2).size).toBe(h2.length);
    expect(landing).toContain('Use a key.');
    expect(landing).toContain('href="mailto:team@example.com"');
    expect(landing).toContain('href="https://opensource.org/licenses/MIT"');
    expect(landing).toContain('href="https://example.com/terms"');
  });

  it('serializes pipeDelimited and deepObject parameters in the snippets', () => {
    expect(ns).toContain('tags=a%7Cb');
    expect(ns).toContain('filter%5Bkind%5D=cat');
  });
});

describe('docs stage: text above U+00FF', () => {
  const wide = 'It’s a café → 😀';
  const spec = {
    openapi: '3.1.0',
    info: { title: 'Wide', version: '1', description: `Intro: ${wide}, in *Markdown*.` },
    tags: [{ name: 'Pets', description: wide }],
    paths: {
      '/pets': {
        get: {
          tags: ['Pets'],
          operationId: 'listPets',
          summary: wide,
          responses: {
            '200': {
              description: wide,
              content: { 'application/json': { example: { note: wide } } },
            },
          },
        },
      },
    },
  } as unknown as Parameters<typeof buildSite>[0];
  const files = buildSite(spec);

  it('is written as character references, so no page holds a character above U+00FF', () => {
    // one such character made V8 hold a whole page at two bytes per character
    for (const f of html(files)) expect(f.content, f.path).not.toMatch(/[^\u0000-\u00ff]/);
    const pets = files.find((f) => f.path.endsWith('/pets.html'))!.content;
    expect(pets).toContain('It&#x2019;s');
    expect(pets).toContain('&#x1f600;'); // a surrogate pair is one reference, not two
    expect(pets).not.toMatch(/&#xd[89a-f][0-9a-f]{2};/);
    // the text a reader gets back is the spec's, in prose, Markdown and the example
    expect(unescapeHtml(pets)).toContain(wide);
    expect([...codeBlocks(pets).values()].join('\n')).toContain(`"note": "${wide}"`);
    const landing = files.find((f) => f.path.endsWith('/index.html'))!.content;
    expect(unescapeHtml(landing)).toContain(`Intro: ${wide}, in <em>Markdown</em>.`);
  });

  it('keeps the characters themselves in the search index', () => {
    const index = files.find((f) => f.path.endsWith('/search-index.json'))!.content;
    expect(index).toContain(wide);
    expect(index).not.toContain('&#x');
  });
});

describe('docs stage: one BASE_URL string per snippet', () => {
  it('marks exactly the BASE_URL value for the Settings rewrite in every snippet', () => {
    const files = buildSite(realSpec());
    for (const f of html(files))
      for (const m of f.content.matchAll(
        /<div class="code" data-lang="[^"]+"[^>]*>[\s\S]*?<\/code>/g,
      ))
        expect(m[0].match(/class="t-s base"/g), f.path).toHaveLength(1);
  });
});
