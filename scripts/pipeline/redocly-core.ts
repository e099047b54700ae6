/**
 * @redocly/openapi-core as the pipeline loads it: one module file instead of the package's
 * 800-odd. Importing the package took 125–175 ms of every `pnpm generate` on Car Owner (a third
 * of the lint+bundle job, most of it Node's loader resolving and reading each file, not running
 * them); the same code as one esbuild bundle imports in 65–80 ms. The bundle is made from the
 * installed package on first use and kept under node_modules/.cache/minbil-redocly/, named by the
 * package's and esbuild's versions and this module's entry, so an upgrade or a change of entry
 * makes a new one (as Vite pre-bundles dependencies). It holds the installed code unchanged.
 *
 * Every module of the pipeline takes Redocly from here, never from the package, so there is one
 * copy of its classes (`instanceof`, and the example check's wrapper on `AjvValidator`).
 * `MINBIL_REDOCLY_BUNDLE=off` imports the package itself; so does a failed bundle build, with
 * one line on stderr. test/pipeline/redocly-core.test.ts checks that both lint and bundle alike.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** The package's own modules, for `MINBIL_REDOCLY_BUNDLE=off` or a failed build. */
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

/** A package's version from its package.json on disk (openapi-core's `exports` hide the file). */
const versionIn = (dir: string): string =>
  (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string })
    .version;

/** Where the bundle for this install lives (it may not exist yet). */
export function bundlePath(): string {
  const openapiCore = versionIn(packageDir);
  const esbuild = (createRequire(import.meta.url)('esbuild/package.json') as { version: string })
    .version;
  const key = createHash('sha256')
    .update(`${openapiCore}\0${esbuild}\0${ENTRY}`)
    .digest('hex')
    .slice(0, 16);
  const repo = path.resolve(import.meta.dirname, '../..');
  return path.join(repo, 'node_modules/.cache/minbil-redocly', `openapi-core-${key}.mjs`);
}

/** Builds the bundle with esbuild, written whole or not at all (another process may race). */
async function buildBundle(file: string): Promise<void> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    logLevel: 'silent',
    // the package's CommonJS dependencies `require` Node's modules
    banner: {
      js: "import { createRequire as __minbilRequire } from 'node:module'; const require = __minbilRequire(import.meta.url);",
    },
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, result.outputFiles[0]!.contents);
  fs.renameSync(temp, file);
}

async function load(): Promise<{ core: RedoclyCore; source: 'bundle' | 'package' }> {
  if (process.env.MINBIL_REDOCLY_BUNDLE === 'off')
    return { core: await fromPackage(), source: 'package' };
  try {
    const file = bundlePath();
    if (!fs.existsSync(file)) await buildBundle(file);
    return { core: (await import(pathToFileURL(file).href)) as RedoclyCore, source: 'bundle' };
  } catch (error) {
    process.stderr.write(
      `redocly-core: could not bundle @redocly/openapi-core (${String(error).split('\n')[0]}); loading the package as is\n`,
    );
    return { core: await fromPackage(), source: 'package' };
  }
}

const loaded = await load();
export const redocly: RedoclyCore = loaded.core;
/** Which copy was loaded: the one-file bundle or the package's own modules. */
export const redoclySource = loaded.source;
