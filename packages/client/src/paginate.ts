/**
 * `@minbil/car-owner-client/paginate`: `pages(client, url)` and `items(client, url)` walk
 * page/page_size lists through the client's GET (auth, retries and errors as for any call). The API has three list shapes:
 * `{data: [], meta: {page, total_pages, has_next}}`, legacy `{results: [], current_page,
 * total_pages}` and `{data: {items: [], page, page_size, total}}`. A server that never says
 * "last page", or that repeats a page, ends in a PaginationError, never a loop.
 */
import { PaginationError } from './errors.ts';
import type {
  CallInit,
  CarOwnerClient,
  ItemOf,
  OperationAt,
  PageOf,
  PaginatedPaths,
} from './types.ts';

export interface PaginateOptions {
  /** Give up with PaginationError after this many pages. @default 1000 */
  maxPages?: number;
  /** `page_size` to ask for. @default the server's default */
  pageSize?: number;
}

/** What one page says about itself, whatever its shape. */
export interface PageInfo {
  items: unknown[];
  page?: number | undefined;
  hasNext?: boolean | undefined;
  totalPages?: number | undefined;
  total?: number | undefined;
  pageSize?: number | undefined;
}

type Looser = (url: string, init: object) => Promise<{ data?: unknown; error?: unknown }>;

/** Every page of a page/page_size list, in order. Throws the page's ApiError or PaginationError. */
export async function* pages<Paths, P extends PaginatedPaths<Paths>>(
  client: CarOwnerClient<Paths, boolean>,
  url: P,
  init: CallInit<OperationAt<Paths, P, 'get'>> = {} as never,
  options: PaginateOptions = {},
): AsyncGenerator<PageOf<Paths, P>, void, undefined> {
  const given = init as { params?: { query?: Record<string, unknown> } };
  const query = { ...given.params?.query };
  const first = typeof query.page === 'number' ? query.page : 1;
  const get = client.GET as unknown as Looser;
  const fetchPage = async (page: number) => {
    const pageQuery = {
      ...query,
      page,
      ...(options.pageSize ? { page_size: options.pageSize } : {}),
    };
    const { data, error } = await get(url as string, {
      ...init,
      params: { ...given.params, query: pageQuery },
    });
    if (error) throw error;
    return data;
  };
  yield* paginate(fetchPage, first, options) as AsyncGenerator<PageOf<Paths, P>, void, undefined>;
}

/** Every item of a page/page_size list, fetching pages as needed. */
export async function* items<Paths, P extends PaginatedPaths<Paths>>(
  client: CarOwnerClient<Paths, boolean>,
  url: P,
  init?: CallInit<OperationAt<Paths, P, 'get'>>,
  options?: PaginateOptions,
): AsyncGenerator<ItemOf<PageOf<Paths, P>>, void, undefined> {
  for await (const page of pages(client, url, init, options))
    yield* readPage(page).items as ItemOf<PageOf<Paths, P>>[];
}

/** `fetchPage` returns a page's body or throws; pages are numbered from `firstPage`. */
export async function* paginate(
  fetchPage: (page: number) => Promise<unknown>,
  firstPage: number,
  options: PaginateOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const maxPages = options.maxPages ?? 1000;
  let previous: string | undefined;
  for (let page = firstPage, count = 1; ; page++, count++) {
    if (count > maxPages) {
      throw new PaginationError(`Stopped after ${maxPages} pages: the server still reports more`);
    }
    const body = await fetchPage(page);
    const info = readPage(body);
    if (info.page !== undefined && info.page !== page) {
      throw new PaginationError(`Asked for page ${page} but the server sent page ${info.page}`);
    }
    const fingerprint = JSON.stringify(info.items);
    if (info.items.length > 0 && fingerprint === previous) {
      throw new PaginationError(`Page ${page} repeats page ${page - 1}: the server is not paging`);
    }
    previous = fingerprint;
    yield body;
    if (isLast(info, page)) return;
  }
}

function isLast(info: PageInfo, page: number): boolean {
  if (info.hasNext === false) return true;
  if (info.totalPages !== undefined && page >= info.totalPages) return true;
  if (info.total !== undefined && info.pageSize && page * info.pageSize >= info.total) return true;
  if (info.items.length > 0) return false;
  // An empty page ends a list without a "next" flag, but contradicts an explicit has_next: true.
  if (info.hasNext === true) {
    throw new PaginationError(`Page ${page} is empty but the server says more pages follow`);
  }
  return true;
}

/** Reads any of the three list shapes; throws PaginationError for anything else. */
export function readPage(body: unknown): PageInfo {
  const b = record(body);
  const meta = record(b?.meta);
  const data = record(b?.data);
  if (b && Array.isArray(b.data)) {
    return {
      items: b.data,
      page: num(meta?.page),
      hasNext: typeof meta?.has_next === 'boolean' ? meta.has_next : undefined,
      totalPages: num(meta?.total_pages),
      total: num(meta?.total),
      pageSize: num(meta?.page_size),
    };
  }
  if (b && Array.isArray(b.results)) {
    return {
      items: b.results,
      page: num(b.current_page),
      totalPages: num(b.total_pages),
      total: num(b.total_count),
      pageSize: num(b.page_size),
    };
  }
  if (data && Array.isArray(data.items)) {
    return {
      items: data.items,
      page: num(data.page),
      hasNext: typeof data.has_next === 'boolean' ? data.has_next : undefined,
      total: num(data.total),
      pageSize: num(data.page_size),
    };
  }
  throw new PaginationError('List response has none of the known list shapes');
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
