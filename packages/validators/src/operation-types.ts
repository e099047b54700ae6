/** The shape of the generated operations table (generated/operations.ts). */
import type * as z from 'zod';

export interface OperationValidatorEntry {
  request?: {
    /** The JSON request body (or the only media type when there is one and it is not JSON). */
    body?: z.ZodType;
    /** Every request media type, keyed by media type. */
    bodies?: Readonly<Record<string, z.ZodType>>;
    path?: z.ZodType;
    query?: z.ZodType;
    headers?: z.ZodType;
  };
  /** Status (`200`, `4XX`, `default`) -> the JSON body schema; statuses without JSON body are absent. */
  responses: Readonly<Record<string, z.ZodType>>;
}

export type OperationValidatorTable = Readonly<Record<string, OperationValidatorEntry>>;
