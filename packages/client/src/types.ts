/**
 * The client's public types, derived from the generated `paths`. They mirror openapi-fetch's
 * (wrong path, parameter or body fails to compile) with two changes: `error` is an ApiError, and
 * multipart bodies accept real files where the spec can only say "string".
 */
import type { FetchOptions, FetchResponse, Middleware } from 'openapi-fetch';
import type { ApiError } from './errors.ts';
import type { FileLike } from './multipart.ts';
import type { RetryOptions } from './retry-policy.ts';
import type { AuthTokens, TokenResponse } from './token-store.ts';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';
type Media = `${string}/${string}`;

export type PathsWithMethod<Paths, M extends HttpMethod> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: unknown } ? P : never;
}[keyof Paths];

export type OperationAt<Paths, P, M extends HttpMethod> = P extends keyof Paths
  ? Paths[P] extends { [K in M]: infer Op }
    ? Op
    : never
  : never;

type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

type BodyContent<Op> = Op extends { requestBody?: infer R }
  ? NonNullable<R> extends { content: infer C }
    ? C
    : never
  : never;
type MultipartBodyOf<Op> = 'multipart/form-data' extends keyof BodyContent<Op>
  ? BodyContent<Op>['multipart/form-data']
  : never;

/** A multipart body as the spec describes it, with file fields also accepting files. */
export type MultipartFields<B> = { [K in keyof B]: MultipartField<B[K]> };
type MultipartField<V> = V extends readonly (infer E)[]
  ? readonly MultipartField<E>[]
  : V extends string
    ? string | FileLike
    : V;

// With the multipart encoder installed (`Files`), plain objects with files; without, FormData.
type MultipartBody<Op, Files extends boolean> =
  | NonNullable<FetchOptions<Op>['body']>
  | (Files extends true ? MultipartFields<MultipartBodyOf<Op>> : never)
  | FormData;
type MultipartOption<Op, Files extends boolean> = Op extends { requestBody: unknown }
  ? { body: MultipartBody<Op, Files> }
  : { body?: MultipartBody<Op, Files> };

/** Per-call overrides of the client's transport options. */
export interface CallOptions {
  /** Retry policy for this call, merged over the client's; `false` for none. */
  retry?: RetryOptions | false;
  /** Per-attempt timeout for this call, request to last body byte. */
  timeoutMs?: number;
  /** Bound on the whole call, retries and waits included. */
  deadlineMs?: number;
  /**
   * Sent as `Idempotency-Key` on every attempt; `true` generates one. A keyed call is retried
   * like an idempotent one, POST included. @default generated where the spec marks the operation
   */
  idempotencyKey?: string | true;
  /** Needed with a ReadableStream body in Node and browsers (fetch's RequestInit; not in TS's DOM lib). */
  duplex?: 'half';
}

/**
 * Options of one call: openapi-fetch's, with multipart bodies widened to accept FormData (and
 * files in plain objects when `Files`: the client has the multipart encoder), plus CallOptions.
 * `parseAs` is left out: the client reads and parses bodies itself.
 */
export type CallInit<Op, Files extends boolean = false> = CallOptions &
  Omit<
    [MultipartBodyOf<Op>] extends [never]
      ? FetchOptions<Op>
      : Omit<FetchOptions<Op>, 'body'> & MultipartOption<Op, Files>,
    'parseAs'
  >;

// No index signature and no inferred `Init`: object literals then get excess-property errors
// (`{ parms: ... }`, unknown body fields), which openapi-fetch's generic init cannot give.
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [Init?] : [Init];

/** The 2xx body type of an operation. */
export type SuccessData<Op, Init = {}> =
  Op extends Record<string | number, unknown>
    ? Exclude<FetchResponse<Op, Init, Media>, { error: unknown }>['data']
    : never;

/** openapi-fetch's result shape, with every non-2xx as one ApiError instance. */
export type ApiResult<Data> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: ApiError; response: Response };

export type ClientMethod<Paths, M extends HttpMethod, Files extends boolean = false> = <
  P extends PathsWithMethod<Paths, M>,
>(
  url: P,
  ...init: InitParam<CallInit<OperationAt<Paths, P, M>, Files>>
) => Promise<ApiResult<SuccessData<OperationAt<Paths, P, M>>>>;

type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** GET paths with `page` and `page_size` query parameters. */
export type PaginatedPaths<Paths> = {
  [P in keyof Paths]: [QueryOf<OperationAt<Paths, P, 'get'>>] extends [never]
    ? never
    : 'page' | 'page_size' extends keyof QueryOf<OperationAt<Paths, P, 'get'>>
      ? P
      : never;
}[keyof Paths];

export type PageOf<Paths, P> = SuccessData<OperationAt<Paths, P, 'get'>>;

/** Element type of a page's items: `data[]`, legacy `results[]`, or `data.items[]`. */
export type ItemOf<Page> = Page extends { data: readonly (infer E)[] }
  ? E
  : Page extends { results: readonly (infer E)[] }
    ? E
    : Page extends { data: { items: readonly (infer E)[] } }
      ? E
      : unknown;

export interface SessionControls {
  /** Current tokens, or null when signed out. */
  tokens(): Promise<AuthTokens | null>;
  /** Stores the tokens of a sign-in (the API's token response, or AuthTokens). */
  save(tokens: TokenResponse | AuthTokens): Promise<void>;
  /** Forgets the tokens and the cached profile. */
  signOut(): Promise<void>;
  /** Refreshes the access token now (shared with any refresh in flight). */
  refresh(): Promise<string>;
}

/** `Files`: created with the multipart encoder, so multipart bodies may hold files. */
export interface CarOwnerClient<Paths, Files extends boolean = false> {
  GET: ClientMethod<Paths, 'get', Files>;
  PUT: ClientMethod<Paths, 'put', Files>;
  POST: ClientMethod<Paths, 'post', Files>;
  DELETE: ClientMethod<Paths, 'delete', Files>;
  PATCH: ClientMethod<Paths, 'patch', Files>;
  HEAD: ClientMethod<Paths, 'head', Files>;
  OPTIONS: ClientMethod<Paths, 'options', Files>;
  session: SessionControls;
  /** Registers openapi-fetch middleware (headers, logging). Runs once per call, not per retry. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
  /** Type only (never set): lets `pages(client, …)` infer the client's paths. */
  readonly '~paths'?: Paths;
}
