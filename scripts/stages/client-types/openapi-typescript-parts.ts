/**
 * The openapi-typescript modules this stage calls (its transform, its printer, two helpers), as
 * one bundled module (scripts/pipeline/dependency-bundle.ts): they pull in part of the package's
 * own Redocly 1.x, js-yaml, minimatch and a proxy agent, about 60 files for Node's loader. The
 * bundle holds the same code; `typescript` stays outside it, so the stage and openapi-typescript
 * share one TypeScript. test/client/openapi-types-transform.test.ts compares the stage's output
 * with `openapiTS()`'s, through whichever copy was loaded.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled } from '../../pipeline/dependency-bundle.ts';

type Index = typeof import('openapi-typescript');
export interface OpenapiTypescriptParts {
  astToString: Index['astToString'];
  NEVER: Index['NEVER'];
  NULL: Index['NULL'];
  resolveRef: Index['resolveRef'];
  scanDiscriminators: Index['scanDiscriminators'];
  transformSchema: Index['transformSchema'];
}

const distDir = path.dirname(
  path.dirname(fileURLToPath(import.meta.resolve('openapi-typescript/dist/lib/ts.mjs'))),
);
const file = (p: string) => JSON.stringify(path.join(distDir, p));
const ENTRY = [
  `export { astToString, NEVER, NULL } from ${file('lib/ts.mjs')};`,
  `export { resolveRef, scanDiscriminators } from ${file('lib/utils.mjs')};`,
  `export { default as transformSchema } from ${file('transform/index.mjs')};`,
].join('\n');

async function fromPackage(): Promise<OpenapiTypescriptParts> {
  const [ts, utils, transform] = await Promise.all([
    import('openapi-typescript/dist/lib/ts.mjs'),
    import('openapi-typescript/dist/lib/utils.mjs'),
    import('openapi-typescript/dist/transform/index.mjs'),
  ]);
  return {
    astToString: ts.astToString,
    NEVER: ts.NEVER,
    NULL: ts.NULL,
    resolveRef: utils.resolveRef,
    scanDiscriminators: utils.scanDiscriminators,
    transformSchema: transform.default,
  };
}

const loaded = await importBundled<OpenapiTypescriptParts>({
  name: 'openapi-typescript',
  entry: ENTRY,
  resolveDir: distDir,
  // the TypeScript openapi-typescript resolves, the same file the stage's own import loads
  external: { typescript: createRequire(path.join(distDir, 'index.mjs')).resolve('typescript') },
  fromPackages: fromPackage,
});
export const openapiTypescript = loaded.module;
/** Which copy was loaded: the one-file bundle or the package's own modules. */
export const openapiTypescriptSource = loaded.source;
