/**
 * Stage client-types: the typed client's generated half. Writes the openapi-typescript types and
 * the operation table into packages/client/src/generated/, which nothing hand-written may share.
 */
import type { Stage } from '../../pipeline/stage.ts';
import { reportOnce, type ThirdPartyMode } from '../third-party.ts';
import { emitOpenapiTypesModule } from './emit-openapi-types.ts';
import { emitOperations } from './emit-operations.ts';
import { clientTypesMeta } from './meta.ts';
import { deriveOperationTable } from './operation-table.ts';

const OUT = clientTypesMeta.owns[0]!;

/** The stage; `thirdParty` turns what the client cannot support into warnings (third-party.ts). */
export function createClientTypesStage(thirdParty?: ThirdPartyMode): Stage {
  return {
    ...clientTypesMeta,
    run(ctx) {
      const table = deriveOperationTable(ctx.spec, reportOnce(thirdParty));
      return [
        { path: `${OUT}/openapi.ts`, ...emitOpenapiTypesModule(ctx.spec) },
        { path: `${OUT}/operations.ts`, ...emitOperations(table) },
      ];
    },
  };
}

export const clientTypesStage: Stage = createClientTypesStage();
