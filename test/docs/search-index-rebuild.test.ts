/**
 * Under `--watch` the docs stage keeps its last search index and reuses it while the indexed
 * documents are the same (scripts/stages/docs/search-index.ts). A rebuild after an edit must
 * never serve the old index: what the edit changed is found, and going back gives the first
 * index byte for byte.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/stages/docs/index.ts';
import { realSpec } from './support/spec.ts';

const indexOf = (spec: ReturnType<typeof realSpec>) =>
  buildSite(spec, undefined, { keep: true }).find((f) => f.path.endsWith('/search-index.json'))!
    .content;

const search = (index: string, query: string) => {
  const { options, index: data } = JSON.parse(index) as { options: never; index: unknown };
  return MiniSearch.loadJSON(JSON.stringify(data), options).search(query);
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
});
