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

/**
 * Adds `schema` to a module's schemas under `name`, unless the run has the same schema (the same
 * JSON) of the same kind already: then operations share its compiled validator, under the first
 * one's name (`firstNames`: kind and JSON -> name). The kind (`params`, `multipart`, `json`) also
 * says the module. GitHub's operations repeat their parameters (`owner`, `repo`, `per_page`):
 * 1,187 parameter schemas, 406 distinct; Ajv compiled and printed each of them.
 */
function shared(
  firstNames: Map<string, string>,
  schemas: Map<string, unknown>,
  name: string,
  schema: unknown,
): string {
  const key = `${name.replace(/\d+$/, '')}\0${JSON.stringify(schema)}`;
  const first = firstNames.get(key);
  if (first !== undefined) return first;
  firstNames.set(key, name);
  schemas.set(name, schema);
  return name;
}

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
      const firstNames = new Map<string, string>();
      listOperations(spec).forEach((entry, i) => {
        const schemas = requestSchemas(spec, entry);
        const ref: ValidatorRefs = {};
        if (schemas.params) ref.params = shared(firstNames, coerced, `params${i}`, schemas.params);
        if (schemas.multipart)
          ref.multipart = shared(firstNames, coerced, `multipart${i}`, schemas.multipart);
        if (schemas.json) ref.json = shared(firstNames, strict, `json${i}`, schemas.json);
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
