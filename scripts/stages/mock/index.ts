/**
 * Stage `mock`: the route table and ahead-of-time request validators that the hand-written mock
 * engine in packages/mock/src builds its MSW handlers from.
 */
import type { GeneratedFile, Stage } from '../../pipeline/stage.ts';
import { reportOnce, type ThirdPartyMode } from '../third-party.ts';
import { routesModule, validatorsModule, type ValidatorRefs } from './emit.ts';
import { requestSchemas } from './request-schemas.ts';
import { mockMeta } from './meta.ts';
import { buildRouteTable, listOperations } from './route-table.ts';
import { isOpenApi30 } from './schema-prep.ts';
import { standaloneModuleFile } from './standalone-memo.ts';

const OUT = mockMeta.owns[0]!;

/** The stage; `thirdParty` turns what the mock cannot check into warnings (third-party.ts). */
export function createMockStage(thirdParty?: ThirdPartyMode): Stage {
  return {
    ...mockMeta,
    run({ spec, rerun }): GeneratedFile[] {
      const mode = reportOnce(thirdParty);
      const routes = buildRouteTable(spec, mode);
      const openapi30 = isOpenApi30(spec);
      const components = (spec.components?.schemas ?? {}) as Record<string, unknown>;
      const coerced = new Map<string, unknown>();
      const strict = new Map<string, unknown>();
      const refs = new Map<string, ValidatorRefs>();
      listOperations(spec).forEach((entry, i) => {
        const schemas = requestSchemas(spec, entry);
        const ref: ValidatorRefs = {};
        if (schemas.params) coerced.set((ref.params = `params${i}`), schemas.params);
        if (schemas.multipart) coerced.set((ref.multipart = `multipart${i}`), schemas.multipart);
        if (schemas.json) strict.set((ref.json = `json${i}`), schemas.json);
        refs.set(schemas.operationId, ref);
      });
      const sorted = new Map([...refs].sort(([a], [b]) => a.localeCompare(b)));
      return [
        { path: `${OUT}/routes.ts`, ...routesModule(routes) },
        { path: `${OUT}/validators.ts`, ...validatorsModule(sorted) },
        {
          path: `${OUT}/coercing-validators.ts`,
          formatted: true,
          content: standaloneModuleFile(
            {
              coerce: true,
              components,
              schemas: coerced,
              openapi30,
              thirdParty: mode,
            },
            rerun,
          ),
        },
        {
          path: `${OUT}/strict-validators.ts`,
          formatted: true,
          content: standaloneModuleFile(
            {
              coerce: false,
              components,
              schemas: strict,
              openapi30,
              thirdParty: mode,
            },
            rerun,
          ),
        },
      ];
    },
  };
}

export const mockStage: Stage = createMockStage();
