/** The shape of the generated operations table (generated/operations.ts). */
import type * as z from 'zod';

/**
 * `Schema`: what each entry holds. Apps read the table as classic Zod schemas (the default); the
 * generated table checks itself against the bound Zod's own functions use (`z.core.SomeType`,
 * `{ _zod }`), because comparing a thousand schemas with every member of `z.ZodType`, or even of
 * `z.core.$ZodType`, is most of what `tsc` spends on a large spec's validators.
 */
export interface OperationValidatorEntry<Schema extends z.core.SomeType = z.ZodType> {
  request?: {
    /** The JSON request body (or the only media type when there is one and it is not JSON). */
    body?: Schema;
    /** Every request media type, keyed by media type. */
    bodies?: Readonly<Record<string, Schema>>;
    path?: Schema;
    query?: Schema;
    headers?: Schema;
  };
  /** Status (`200`, `4XX`, `default`) -> the JSON body schema; statuses without JSON body are absent. */
  responses: Readonly<Record<string, Schema>>;
}

export type OperationValidatorTable<Schema extends z.core.SomeType = z.ZodType> = Readonly<
  Record<string, OperationValidatorEntry<Schema>>
>;
