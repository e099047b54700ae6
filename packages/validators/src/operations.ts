/** `@minbil/car-owner-validators/operations`: the per-operation table the client validates with. */
export { operationValidators } from './generated/operations.ts';
export type { OperationValidatorEntry, OperationValidatorTable } from './operation-types.ts';
