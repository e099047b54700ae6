/**
 * Assembles the self-contained site in `dist/`: the generated pages (site/), the bundled assets
 * (esbuild: assets/main.ts → assets/docs.js, assets/docs.css minified), and — when packages/mock
 * ships them — the mock's browser bundle and MSW's service worker. Built in a temp folder, then
 * swapped in, so a failed build leaves the previous dist. changelog.html comes from the docs stage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const DOCS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(DOCS_DIR, '../..');

/** The mock's browser entry (bundled here as an IIFE exposing `window.MinBilMock`) and msw's worker. */
const MOCK_ENTRY = 'packages/mock/src/browser.ts';
const MOCK_WORKERS = [
  'packages/mock/dist/mockServiceWorker.js',
  'node_modules/msw/lib/mockServiceWorker.js',
];

export interface BuildOptions {
  /** Generated pages. @default packages/docs/site */
  siteDir?: string;
  /** Output folder. @default packages/docs/dist */
  outDir?: string;
  /** Repository root, for the spec changelog and the optional mock bundle. @default the repo this file lives in */
  root?: string;
}

export interface BuildResult {
  outDir: string;
  mock: boolean;
  /** Whether the site has changelog.html (the docs stage writes it when openapi/CHANGELOG.md exists). */
  changelog: boolean;
  files: { path: string; bytes: number }[];
}

const firstExisting = (root: string, candidates: string[]) =>
  candidates.map((c) => path.join(root, c)).find((p) => fs.existsSync(p));

function listFiles(dir: string, base = dir): { path: string; bytes: number }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory()
      ? listFiles(full, base)
      : [{ path: path.relative(base, full), bytes: fs.statSync(full).size }];
  });
}

export async function buildDist(options: BuildOptions = {}): Promise<BuildResult> {
  const siteDir = options.siteDir ?? path.join(DOCS_DIR, 'site');
  const outDir = options.outDir ?? path.join(DOCS_DIR, 'dist');
  const root = options.root ?? REPO_ROOT;
  if (!fs.existsSync(path.join(siteDir, 'index.html')))
    throw new Error(`${siteDir}/index.html is missing: run \`pnpm generate\` first.`);
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.cpSync(siteDir, tmp, { recursive: true });
  const changelog = fs.existsSync(path.join(tmp, 'changelog.html'));
  await build({
    entryPoints: {
      docs: path.join(DOCS_DIR, 'assets/main.ts'),
      'docs-style': path.join(DOCS_DIR, 'assets/docs.css'),
    },
    outdir: path.join(tmp, 'assets'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  fs.renameSync(path.join(tmp, 'assets/docs-style.css'), path.join(tmp, 'assets/docs.css'));
  const entry = firstExisting(root, [MOCK_ENTRY]);
  const worker = firstExisting(root, MOCK_WORKERS);
  const mock = Boolean(entry && worker);
  if (entry && worker) {
    await build({
      entryPoints: [entry],
      outfile: path.join(tmp, 'mock/mock-browser.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      globalName: 'MinBilMock',
      platform: 'browser',
      target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
      legalComments: 'none',
      logLevel: 'warning',
    });
    fs.copyFileSync(worker, path.join(tmp, 'mockServiceWorker.js')); // root scope: controls every page
  }
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(tmp, outDir);
  fs.rmSync(old, { recursive: true, force: true });
  return { outDir, mock, changelog, files: listFiles(outDir) };
}
