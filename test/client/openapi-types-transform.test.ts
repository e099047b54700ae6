/**
 * The client-types stage runs openapi-typescript's transform without `openapiTS()`'s own Redocly
 * lint+bundle (scripts/stages/client-types/emit-openapi-types.ts). This proves the types are the
 * ones `openapiTS()` prints for the same input, on every spec fixture in the repository: the
 * Car Owner bundle, the feature fixtures and the corpus slice, each as the stage receives it
 * (both after the stage's one rewrite of the AST, negative-literal-arrays.ts). It fails when an upgrade of openapi-typescript changes the context `openapiTS()` builds.
 */
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { lintAndBundleSpec } from '../../scripts/spec-mode/gate.ts';
import { locateRoot } from '../../scripts/spec-mode/locate.ts';
import { prepareSpec } from '../../scripts/spec-mode/prepare.ts';
import {
  emitOpenapiTypes,
  OPENAPI_TS_OPTIONS,
} from '../../scripts/stages/client-types/emit-openapi-types.ts';
import { GENERATED_HEADER } from '../../scripts/stages/client-types/header.ts';
import { typeNegativeLiteralArrays } from '../../scripts/stages/client-types/negative-literal-arrays.ts';
import { openapiTsInput } from '../../scripts/stages/client-types/types-input.ts';
import { specFixtures } from '../support/spec.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const SPECS = specFixtures();

/** What `openapiTS()` itself prints for the stage's input. */
async function viaOpenapiTS(spec: OpenAPIV3_1.Document): Promise<string> {
  const ast = await openapiTS(openapiTsInput(spec), OPENAPI_TS_OPTIONS);
  return `${GENERATED_HEADER}\n${astToString(typeNegativeLiteralArrays(ast))}`;
}

describe('client types without openapiTS()’s second lint+bundle', () => {
  it('are openapiTS()’s types for the Car Owner bundle', async () => {
    const spec = JSON.parse(
      fs.readFileSync(path.join(REPO, 'generated/openapi.json'), 'utf8'),
    ) as OpenAPIV3_1.Document;
    expect(emitOpenapiTypes(spec)).toBe(await viaOpenapiTS(spec));
  });

  it.each(SPECS)('are openapiTS()’s types for %s as the stage receives it', async (file) => {
    const { spec } = await lintAndBundleSpec(locateRoot(path.join(REPO, file)), REPO);
    prepareSpec(spec);
    const emitted = emitOpenapiTypes(spec);
    expect(emitted).toMatch(/^export (interface|type) paths\b/m);
    expect(emitted).toBe(await viaOpenapiTS(spec));
  });
});
