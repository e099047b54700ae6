/**
 * @minbil/car-owner-validators: Zod 4 schemas for every component schema and every operation of
 * the MinBil Car Owner API. Naming convention and unknown-key policy: README.md.
 * The operations table has its own entry point, `@minbil/car-owner-validators/operations`.
 */
export * from './generated/index.ts';
export type { OperationValidatorEntry, OperationValidatorTable } from './operation-types.ts';
