/**
 * @redocly/openapi-core as the pipeline loads it: one module file instead of the package's
 * 800-odd (dependency-bundle.ts). Importing the package took 125–175 ms of every `pnpm generate`
 * on Car Owner, most of it Node's loader resolving and reading each file; the same code as one
 * bundle imports in 65–80 ms.
 *
 * Every module of the pipeline takes Redocly from here, never from the package, so there is one
 * copy of its classes (`instanceof`, and the example check's wrapper on `AjvValidator`).
 * test/pipeline/redocly-core.test.ts checks that the bundle lints and bundles as the package.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundlePath, importBundled } from './dependency-bundle.ts';

type Package = typeof import('@redocly/openapi-core');
type FormatDefinition =
  | true
  | RegExp
  | ((data: string) => boolean)
  | { type?: string; async?: boolean; validate: RegExp | ((data: never) => boolean) };

/** What the pipeline uses beyond the package's exports: its example rules' Ajv and formats. */
export interface RedoclyCore extends Package {
  AjvValidator: { prototype: object };
  /** `ajv-formats`' full set, which Redocly's Ajv checks `format` with. */
  fullFormats: Record<string, FormatDefinition>;
}

const packageMain = fileURLToPath(import.meta.resolve('@redocly/openapi-core'));
const packageDir = path.dirname(path.dirname(packageMain)); // …/openapi-core (main is lib/index.js)
const requireFromPackage = createRequire(packageMain);

/** The bundle's entry: the package's exports plus the two internals the lint wraps and reads. */
const ENTRY = [
  `export * from ${JSON.stringify(packageMain)};`,
  `export { AjvValidator } from ${JSON.stringify(path.join(packageDir, 'lib/rules/ajv.js'))};`,
  `export { fullFormats } from ${JSON.stringify(requireFromPackage.resolve('ajv-formats/dist/formats.js'))};`,
].join('\n');

/** The package's own modules, for `MINBIL_DEPENDENCY_BUNDLES=off` or a failed build. */
async function fromPackage(): Promise<RedoclyCore> {
  const [core, ajv] = await Promise.all([
    import('@redocly/openapi-core'),
    import(pathToFileURL(path.join(packageDir, 'lib/rules/ajv.js')).href) as Promise<{
      AjvValidator: RedoclyCore['AjvValidator'];
    }>,
  ]);
  const formats = requireFromPackage('ajv-formats/dist/formats.js') as {
    fullFormats: RedoclyCore['fullFormats'];
  };
  return { ...core, AjvValidator: ajv.AjvValidator, fullFormats: formats.fullFormats };
}

const BUNDLE = {
  name: 'openapi-core',
  entry: ENTRY,
  resolveDir: packageDir,
  fromPackages: fromPackage,
};
const loaded = await importBundled<RedoclyCore>(BUNDLE);
export const redocly: RedoclyCore = loaded.module;
/** Which copy was loaded: the one-file bundle or the package's own modules. */
export const redoclySource = loaded.source;
/** The bundle's file (it exists once a run has loaded it). */
export const redoclyBundlePath = () => bundlePath(BUNDLE);
