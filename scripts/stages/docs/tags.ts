/** Groups operations into namespaces (tags) in the spec's tag order, each with a stable file name. */
import { slugify } from './escape.ts';
import { HTTP_METHODS, type OperationModel, type TagModel } from './operations.ts';
import { deref, isObject, type Doc } from './resolve.ts';

const RESERVED = new Set(['index', 'schemas', 'openapi', 'search-index', '404']);

/** `Booking` → `booking.html`; names that would collide with the site's own pages get `-ns`. */
export function tagFileName(slug: string): string {
  return `${RESERVED.has(slug) ? `${slug}-ns` : slug}.html`;
}

/** True when some operation of the spec names a tag. */
function usesTags(doc: Doc): boolean {
  return Object.values(doc.paths ?? {}).some((raw) => {
    const item = deref<Record<string, unknown>>(doc, raw) ?? {};
    return HTTP_METHODS.some((m) => {
      const op = item[m];
      return isObject(op) && Array.isArray(op.tags) && op.tags.length > 0;
    });
  });
}

/**
 * For a spec without any tags (Stripe's), which would otherwise put every operation on one
 * `default` page: the first path segment after the prefix all paths share
 * (`/v1/charges/{charge}` → `charges`), or `default` when there is none.
 */
function pathGroups(ops: readonly OperationModel[]): Map<OperationModel, string> {
  const segments = ops.map((op) => op.path.split('/').filter(Boolean));
  const first = segments[0] ?? [];
  let common = 0;
  // `segments.length`: a spec without paths (webhooks only) has no common prefix; without the
  // check, `every` on an empty list is true forever
  while (
    segments.length &&
    segments.every((s) => s.length > common + 1 && s[common] === first[common]) &&
    !first[common]?.startsWith('{')
  )
    common++;
  return new Map(
    ops.map((op, i) => {
      const segment = segments[i]?.[common];
      return [op, segment && !segment.startsWith('{') ? segment : 'default'];
    }),
  );
}

export function groupByTag(doc: Doc, ops: readonly OperationModel[]): TagModel[] {
  const byPath = usesTags(doc) ? undefined : pathGroups(ops);
  const tagOf = (op: OperationModel) => byPath?.get(op) ?? op.tag;
  const declared = (doc.tags ?? []).map((t) => ({
    name: String(t.name),
    description: typeof t.description === 'string' ? t.description : '',
  }));
  for (const op of ops)
    if (!declared.some((t) => t.name === tagOf(op)))
      declared.push({ name: tagOf(op), description: '' });
  const used = new Set<string>();
  const tags: TagModel[] = [];
  for (const { name, description } of declared) {
    const operations = ops.filter((op) => tagOf(op) === name);
    if (!operations.length) continue;
    let slug = slugify(name);
    while (used.has(slug)) slug += '-x';
    used.add(slug);
    tags.push({ name, description, slug, operations });
  }
  return tags;
}
