/**
 * @minbil/car-owner-client: the typed MinBil Car Owner API client.
 * See README.md for the five-minute guide.
 */
import { createApiClient } from './client.ts';
import type { ClientOptions } from './client-options.ts';
import type { paths } from './generated/openapi.ts';
import { API_KEY_HEADER, operations as operationTable } from './generated/operations.ts';
import type { CarOwnerClient } from './types.ts';

/** The client for the Car Owner API, typed from the spec. */
export type CarOwnerApiClient = CarOwnerClient<paths>;

/** Creates a client. Calls return `{ data, error, response }`; see README.md for what throws. */
export function createClient(options: ClientOptions): CarOwnerApiClient {
  return createApiClient<paths>(operationTable, API_KEY_HEADER, options);
}

export type { ClientOptions } from './client-options.ts';
export * from './errors.ts';
export type { FetchLike } from './attempt.ts';
export { IDEMPOTENCY_HEADER } from './idempotency.ts';
export type { paths, components, operations } from './generated/openapi.ts';
export { operationTable };
export type { OperationEntry, SecurityKind } from './generated/operations.ts';
export type { OperationInfo, QueryStyle } from './operation-info.ts';
export { decodeOperation } from './operation-info.ts';
export { toFormData, type FileLike, type NamedBytes, type ReactNativeFile } from './multipart.ts';
export type { PaginateOptions } from './paginate.ts';
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
