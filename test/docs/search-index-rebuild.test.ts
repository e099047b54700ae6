/**
 * `search-index.json` holds the search's documents; the browser indexes them as
 * packages/docs/assets/search.ts does (`new MiniSearch(options)`, `addAll`). Under `--watch` the
 * docs stage builds it again on every save: what an edit changed is found, an edit of text the
 * search does not hold leaves the file as it was, and going back gives the first file byte for
 * byte.
 */
import MiniSearch, { type Options } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/stages/docs/index.ts';
import { realSpec } from './support/spec.ts';

const indexOf = (spec: ReturnType<typeof realSpec>) =>
  buildSite(spec, undefined, { keep: true }).find((f) => f.path.endsWith('/search-index.json'))!
    .content;

/** The browser's index of the file (search.ts). */
const search = (file: string, query: string) => {
  const { options, documents } = JSON.parse(file) as { options: Options; documents: unknown[] };
  const index = new MiniSearch(options);
  index.addAll(documents);
  return index.search(query);
};

describe('search index across rebuilds', () => {
  it('follows each edit of indexed text, and an edit of unindexed text leaves it as it was', () => {
    const spec = realSpec();
    const first = indexOf(spec);
    const tag = spec.tags![0]!;
    const original = tag.description;
    tag.description = `${original} Zanzibarquux appears here.`;
    const edited = indexOf(spec);
    expect(search(edited, 'zanzibarquux').map((r) => r.id)).toContain(
      `tag:${tag.name.toLowerCase()}`,
    );
    expect(search(first, 'zanzibarquux')).toEqual([]);

    tag.description = original;
    expect(indexOf(spec)).toBe(first);

    // a property's description is on the schema page, not in the index
    const schema = Object.values(spec.components!.schemas!).find(
      (s) => typeof s === 'object' && 'properties' in s && s.properties,
    ) as { properties: Record<string, { description?: string }> };
    const prop = Object.values(schema.properties)[0]!;
    prop.description = 'Zanzibarquux on a property.';
    expect(indexOf(spec)).toBe(first);
  });

  it('stores what a hit shows, so the browser needs nothing but the file', () => {
    const [hit] = search(indexOf(realSpec()), 'cancelBooking');
    expect(hit).toMatchObject({
      id: expect.stringMatching(/^op:cancelBooking:/),
      kind: 'operation',
      url: expect.stringMatching(/\.html#op-cancelBooking$/),
      title: expect.stringMatching(/^POST \//),
    });
  });
});
