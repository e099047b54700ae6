/**
 * `pnpm --filter <package> build`: the one build of a publishable package, with plain `tsc`.
 *
 * 1. `tsc -p <package>/tsconfig.json --outDir <out>`: ESM `.js` + `.d.ts`; the sources import
 *    `./x.ts` and `rewriteRelativeImportExtensions` turns that into `./x.js` in the `.js` files.
 * 2. The same rewrite in the `.d.ts` files, which tsc leaves as `./x.ts`
 *    (microsoft/TypeScript#61037): older TypeScript and some editors cannot follow those.
 * 3. A package's own extra step, when it has one: `scripts/build-browser.ts` exporting
 *    `buildBrowserBundle(outDir)` (the mock's self-contained browser entry).
 *
 * The release scripts call `buildPackage(dir, stagingDir/dist)` so they never write into the
 * package's own `dist/` while tests or other tools read it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rewriteDeclarationExtensions } from './dts-extensions.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

/** Builds the package in `dir` into `outDir` (emptied first). Throws with tsc's output on errors. */
export async function buildPackage(dir: string, outDir = path.join(dir, 'dist')): Promise<void> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [TSC, '-p', path.join(dir, 'tsconfig.json'), '--outDir', outDir],
    { encoding: 'utf8' },
  );
  if (tsc.status !== 0)
    throw new Error(`tsc failed for ${path.relative(REPO_ROOT, dir)}:\n${tsc.stdout}${tsc.stderr}`);
  rewriteDeclarationExtensions(outDir);
  const extra = path.join(dir, 'scripts/build-browser.ts');
  if (fs.existsSync(extra)) {
    const mod = (await import(pathToFileURL(extra).href)) as {
      buildBrowserBundle(outDir: string): Promise<string[]>;
    };
    await mod.buildBrowserBundle(outDir);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.cwd();
  try {
    await buildPackage(dir);
    console.log(`built ${path.relative(REPO_ROOT, dir)}/dist`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
