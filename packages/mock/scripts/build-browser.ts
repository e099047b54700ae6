/**
 * `pnpm --filter @minbil/car-owner-mock build:browser`: bundles the browser entry to
 * dist/browser.js (ESM, self-contained) and copies msw's worker script next to it.
 * The docs site serves both from its origin and calls `startMockWorker()`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildBrowserBundle(
  outDir = path.join(packageDir, 'dist'),
): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'browser.js');
  await build({
    entryPoints: [path.join(packageDir, 'src/browser.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const worker = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
  const workerOut = path.join(outDir, 'mockServiceWorker.js');
  fs.copyFileSync(worker, workerOut);
  return [outfile, workerOut];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildBrowserBundle();
  for (const file of files)
    console.log(`wrote ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
}
