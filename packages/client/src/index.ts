/**
 * @minbil/car-owner-client: the typed MinBil Car Owner API client.
 * See README.md for the five-minute guide.
 */
import { createApiClient } from './client.ts';
import type { ClientOptions, MultipartEncoder } from './client-options.ts';
import type { paths } from './generated/openapi.ts';
import { API_KEY_HEADER, operations as operationTable } from './generated/operations.ts';
import type { CarOwnerClient } from './types.ts';

/**
 * The client for the Car Owner API, typed from the spec. `Files`: created with the multipart
 * encoder, so multipart bodies may be plain objects holding files.
 */
export type CarOwnerApiClient<Files extends boolean = false> = CarOwnerClient<paths, Files>;

/** Creates a client. Calls return `{ data, error, response }`; see README.md for what throws. */
export function createClient(
  options: ClientOptions & { multipart: MultipartEncoder },
): CarOwnerApiClient<true>;
export function createClient(options: ClientOptions): CarOwnerApiClient;
export function createClient(options: ClientOptions): CarOwnerApiClient<boolean> {
  return createApiClient<paths>(operationTable, API_KEY_HEADER, options);
}

export type { ClientOptions, MultipartEncoder, ValidationHooks } from './client-options.ts';
export * from './errors.ts';
export type { FetchLike } from './attempt.ts';
export { IDEMPOTENCY_HEADER } from './idempotency.ts';
export type { paths, components, operations } from './generated/openapi.ts';
export { operationTable };
export type { OperationEntry, SecurityKind } from './generated/operations.ts';
export type { OperationInfo, QueryStyle } from './operation-info.ts';
export { decodeOperation } from './operation-info.ts';
// Opt-in features live in their own entries (./paginate, ./multipart, ./validation); their
// types are re-exported here, which costs no bytes.
export type { FileLike, NamedBytes, ReactNativeFile } from './multipart.ts';
export type { PageInfo, PaginateOptions } from './paginate.ts';
export { IDEMPOTENT_METHODS, RETRYABLE_STATUSES, type RetryOptions } from './retry-policy.ts';
export {
  createMemoryTokenStore,
  type AuthTokens,
  type TokenResponse,
  type TokenStore,
} from './token-store.ts';
export type * from './types.ts';
export { unwrap } from './unwrap.ts';
export type { OperationValidators, ValidateMode, Validators, ZodTypeLike } from './validation.ts';
