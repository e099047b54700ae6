/** Options of `createHandlers`, `createMockServer` and `startMockWorker`. */
import type { OperationId } from './generated/routes.ts';

/**
 * Replaces the documented answer of one operation, after the mock has checked auth and the
 * request against the contract. Return `undefined` to fall back to the default answer.
 */
export type OperationOverride = (info: {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
  operationId: string;
}) => Response | undefined | Promise<Response | undefined>;

export interface MockOptions {
  /**
   * Where the API is mounted, e.g. `https://api.minbil.no/api/co`. A leading `*` matches any
   * origin; the default is `*` followed by `/api/co`.
   */
  baseUrl?: string;
  /** Per-operation answers for app tests, keyed by operationId. @default {} */
  overrides?: Partial<Record<OperationId, OperationOverride>>;
  /** The clock for token expiry times (fix it for byte-stable snapshots). @default () => new Date() */
  now?: () => Date;
}
