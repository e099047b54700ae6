/** Groups operations into namespaces (tags) in the spec's tag order, each with a stable file name. */
import { slugify } from './escape.ts';
import type { OperationModel, TagModel } from './operations.ts';
import type { Doc } from './resolve.ts';

const RESERVED = new Set(['index', 'schemas', 'openapi', 'search-index', '404']);

/** `Booking` → `booking.html`; names that would collide with the site's own pages get `-ns`. */
export function tagFileName(slug: string): string {
  return `${RESERVED.has(slug) ? `${slug}-ns` : slug}.html`;
}

export function groupByTag(doc: Doc, ops: readonly OperationModel[]): TagModel[] {
  const declared = (doc.tags ?? []).map((t) => ({
    name: String(t.name),
    description: typeof t.description === 'string' ? t.description : '',
  }));
  for (const op of ops)
    if (!declared.some((t) => t.name === op.tag)) declared.push({ name: op.tag, description: '' });
  const used = new Set<string>();
  const tags: TagModel[] = [];
  for (const { name, description } of declared) {
    const operations = ops.filter((op) => op.tag === name);
    if (!operations.length) continue;
    let slug = slugify(name);
    while (used.has(slug)) slug += '-x';
    used.add(slug);
    tags.push({ name, description, slug, operations });
  }
  return tags;
}
