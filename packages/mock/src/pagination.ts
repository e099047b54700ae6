/**
 * Paginated lists: a fixed, seeded list built from the documented example's first item (ids made
 * unique), sliced by `page`/`page_size` with consistent `meta` and `links`.
 */
import { SEEDED_LIST_SIZE } from './constants.ts';
import type { PaginationSpec } from './route-spec.ts';

type Json = Record<string, unknown>;

function seed(first: unknown): unknown[] {
  return Array.from({ length: SEEDED_LIST_SIZE }, (_, i) => {
    const item = structuredClone(first) as Json;
    if (item && typeof item === 'object' && typeof item.id === 'number') item.id = item.id + i;
    return item;
  });
}

/** Fills `data`, `meta` and `links` of an example list body for the requested page. */
export function paginate(
  example: unknown,
  spec: PaginationSpec,
  query: Json,
  pathname: string,
): unknown {
  const body = structuredClone(example) as Json;
  const data = Array.isArray(body.data) ? body.data : [];
  if (data.length === 0) return body;
  const items = seed(data[0]);
  const page = typeof query[spec.pageParam] === 'number' ? (query[spec.pageParam] as number) : 1;
  const size =
    typeof query[spec.sizeParam] === 'number'
      ? (query[spec.sizeParam] as number)
      : spec.defaultSize;
  const total = items.length;
  const totalPages = Math.ceil(total / size);
  body.data = items.slice((page - 1) * size, page * size);
  const meta = { ...((body.meta as Json | undefined) ?? {}) };
  Object.assign(meta, {
    page,
    page_size: size,
    total,
    total_pages: totalPages,
    has_next: page < totalPages,
    has_prev: page > 1,
  });
  if ('count' in meta) meta.count = (body.data as unknown[]).length;
  body.meta = meta;
  const link = (p: number) => `${pathname}?${spec.pageParam}=${p}&${spec.sizeParam}=${size}`;
  const last = Math.max(totalPages, 1);
  body.links = {
    self: link(page),
    first: link(1),
    prev: page > 1 ? link(Math.min(page - 1, last)) : null,
    next: page < totalPages ? link(page + 1) : null,
    last: link(last),
  };
  return body;
}
