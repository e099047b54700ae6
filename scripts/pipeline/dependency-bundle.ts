/**
 * A dependency imported as one module file instead of its hundreds: Node's ESM loader costs about
 * 0.15–0.2 ms per file it resolves, reads and links before any code runs, and @redocly/openapi-core
 * alone was 800-odd files (125–175 ms of every `pnpm generate`). esbuild bundles the installed
 * code, unchanged, on first use into node_modules/.cache/minbil-bundles/, under a name made of
 * the entry, the externals, esbuild's version and pnpm-lock.yaml: any dependency change (a new
 * lockfile) makes a new bundle, as Vite pre-bundles dependencies.
 *
 * `MINBIL_DEPENDENCY_BUNDLES=off` imports the packages themselves; so does a failed build, with
 * one line on stderr. Each user module says what it bundles (redocly-core.ts,
 * stages/client-types/openapi-typescript-parts.ts) and is tested to behave as the package.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface DependencyBundle<T> {
  /** A file name prefix for the cache, e.g. `openapi-core`. */
  name: string;
  /** ES module source: what the bundle exports, from absolute paths. */
  entry: string;
  /** Where the entry's bare imports resolve from. */
  resolveDir: string;
  /** Bare specifiers left out of the bundle, each to the absolute file it resolves to. */
  external?: Readonly<Record<string, string>>;
  /** The same exports from the packages themselves. */
  fromPackages: () => Promise<T>;
}

const REPO = path.resolve(import.meta.dirname, '../..');
/** How this module builds a bundle; a new layout gets new bundle names. */
const LAYOUT = 'externals-required-3';
/** esbuild's namespace for an external taken with `require`. */
const REQUIRED = 'minbil-required';

let lockfile: string | undefined;
function lockfileHash(): string {
  if (lockfile === undefined) {
    try {
      lockfile = createHash('sha256')
        .update(fs.readFileSync(path.join(REPO, 'pnpm-lock.yaml')))
        .digest('hex');
    } catch {
      lockfile = 'no lockfile';
    }
  }
  return lockfile;
}

/** Where the bundle for this install lives (it may not exist yet). */
export function bundlePath(bundle: Pick<DependencyBundle<unknown>, 'name' | 'entry' | 'external'>) {
  const esbuild = (createRequire(import.meta.url)('esbuild/package.json') as { version: string })
    .version;
  const key = createHash('sha256')
    .update(
      [bundle.entry, JSON.stringify(bundle.external ?? {}), esbuild, lockfileHash(), LAYOUT].join(
        '\0',
      ),
    )
    .digest('hex')
    .slice(0, 16);
  return path.join(REPO, 'node_modules/.cache/minbil-bundles', `${bundle.name}-${key}.mjs`);
}

/** Builds the bundle with esbuild, written whole or not at all (another process may race). */
async function build(bundle: DependencyBundle<unknown>, file: string): Promise<void> {
  const esbuild = await import('esbuild');
  const external = bundle.external ?? {};
  const result = await esbuild.build({
    stdin: { contents: bundle.entry, resolveDir: bundle.resolveDir, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        // an external is `require`d from its file, not imported: an ES import of CommonJS makes
        // Node scan the file for export names (TypeScript's 9 MB: 50-60 ms), and the pipeline's
        // own modules require the same file (typescript-cjs.js), so both get one instance
        name: 'external-required-from-file',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.namespace === REQUIRED) return { path: args.path, external: true };
            if (!Object.hasOwn(external, args.path)) return undefined;
            return { path: external[args.path]!, namespace: REQUIRED };
          });
          // a default export, not `module.exports`: esbuild's CommonJS interop would copy each of
          // TypeScript's thousands of exports onto a new object (20 ms); the bundled code takes
          // its externals by default import only (a named one fails the build, and the packages
          // load instead)
          b.onLoad({ filter: /.*/, namespace: REQUIRED }, (args) => ({
            contents: `export default require(${JSON.stringify(args.path)});`,
            loader: 'js',
          }));
        },
      },
    ],
    // bundled CommonJS code `require`s Node's own modules
    banner: {
      js: "import { createRequire as __minbilRequire } from 'node:module'; const require = __minbilRequire(import.meta.url);",
    },
  });
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, result.outputFiles[0]!.contents);
  fs.renameSync(temp, file);
  // the bundles of this name for earlier lockfiles or entries are never loaded again
  const sameName = new RegExp(`^${bundle.name.replace(/[^\w-]/g, '\\$&')}-[0-9a-f]{16}\\.mjs$`);
  for (const old of fs.readdirSync(dir))
    if (sameName.test(old) && old !== path.basename(file))
      fs.rmSync(path.join(dir, old), { force: true });
}

/** The bundle's exports (built first if missing), or the packages' when bundles are off. */
export async function importBundled<T>(
  bundle: DependencyBundle<T>,
): Promise<{ module: T; source: 'bundle' | 'package' }> {
  if (process.env.MINBIL_DEPENDENCY_BUNDLES === 'off')
    return { module: await bundle.fromPackages(), source: 'package' };
  try {
    const file = bundlePath(bundle);
    if (!fs.existsSync(file)) await build(bundle as DependencyBundle<unknown>, file);
    return { module: (await import(pathToFileURL(file).href)) as T, source: 'bundle' };
  } catch (error) {
    process.stderr.write(
      `dependency bundle ${bundle.name}: could not build it (${String(error).split('\n')[0]}); loading the packages as they are\n`,
    );
    return { module: await bundle.fromPackages(), source: 'package' };
  }
}
