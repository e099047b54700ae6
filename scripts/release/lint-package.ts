/**
 * The three package checks, on the tarball exactly as it would be published:
 * - publint (strict, every level down to suggestions): `exports`, `files`, `sideEffects`, `bin`.
 * - arethetypeswrong with the `esm-only` profile: types resolve for every entry point under
 *   `node16` (ESM) and `bundler`. The packages are ESM only on purpose: one module format means
 *   one copy of each error class (no dual-package `instanceof` hazard), and Node >= 22.12 can
 *   `require()` ESM; so the CommonJS resolutions (`node10`, `node16` from CJS) are not checked.
 * - contents: only `dist/`, README and LICENSE ship, and no `.d.ts` imports `./x.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { REPO_ROOT } from './build-package.ts';
import { rewriteSpecifiers } from './dts-extensions.ts';
import type { TarEntry } from './tarball.ts';

export interface LintTarget {
  /** The folder the tarball was packed from. */
  stagingDir: string;
  tarball: string;
  files: readonly TarEntry[];
}

export interface LintReport {
  publint: string[];
  attw: string[];
  /** Files that should not ship: anything but built files, README and LICENSE. */
  contents: string[];
}

export const ATTW_ARGS = ['--profile', 'esm-only', '--no-definitely-typed'];

export async function runPublint({ tarball }: LintTarget): Promise<string[]> {
  const { messages, pkg } = await publint({
    pack: { tarball: new Uint8Array(fs.readFileSync(tarball)).buffer },
    level: 'suggestion',
    strict: true,
  });
  return messages.map(
    (m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code} (${m.code})`,
  );
}

/**
 * Subpaths exported as a bare string with no conditions, such as the mock's
 * `./mockServiceWorker.js`: files to copy or serve, not modules to import, so they have no types.
 */
export function assetEntrypoints(exports: Record<string, unknown>): string[] {
  return Object.entries(exports)
    .filter(([key, value]) => typeof value === 'string' && key !== './package.json')
    .map(([key]) => key);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Concrete subpaths for each `./x/*` pattern (attw skips patterns): every packed file its
 * `default` target matches, e.g. `./schemas/*` -> `./schemas/Booking`, `./schemas/Car`, ...
 */
export function wildcardEntrypoints(
  exports: Record<string, unknown>,
  files: readonly TarEntry[],
): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(exports)) {
    const target = typeof value === 'string' ? value : (value as { default?: unknown }).default;
    if (!key.includes('*') || typeof target !== 'string') continue;
    const [before, after] = target.replace(/^\.\//, '').split('*') as [string, string];
    const match = new RegExp(`^${escapeRegExp(before)}(.+)${escapeRegExp(after)}$`);
    for (const { path: file } of files) {
      const stem = match.exec(file)?.[1];
      if (stem !== undefined) out.push(key.replace('*', stem));
    }
  }
  return out;
}

export function runAttw({ stagingDir, tarball, files }: LintTarget): string[] {
  const cli = path.join(REPO_ROOT, 'node_modules/.bin/attw');
  const manifest = JSON.parse(fs.readFileSync(path.join(stagingDir, 'package.json'), 'utf8')) as {
    exports?: Record<string, unknown>;
  };
  const exports = manifest.exports ?? {};
  const assets = assetEntrypoints(exports);
  const expanded = wildcardEntrypoints(exports, files);
  const args = [tarball, ...ATTW_ARGS, '--format', 'ascii', '--no-color'];
  if (assets.length) args.push('--exclude-entrypoints', ...assets);
  if (expanded.length) args.push('--include-entrypoints', ...expanded);
  const result = spawnSync(cli, args, { encoding: 'utf8' });
  if (result.status === 0) return [];
  const text = `${result.stdout}${result.stderr}`.trim();
  return [text || `attw exited with ${result.status}`];
}

const SHIPPED = /^(package\.json|README\.md|LICENSE|dist\/.+)$/;
const NEVER = /(\.test(-d)?\.|\.tsbuildinfo$|\.map$|(^|\/)\.)/;

/** Files outside the allow-list, and declaration files still importing `./x.ts`. */
export function checkContents({ stagingDir, files }: LintTarget): string[] {
  const problems: string[] = [];
  for (const { path: file } of files) {
    if (!SHIPPED.test(file) || NEVER.test(file)) problems.push(`${file} should not be published`);
    else if (/\.d\.ts$/.test(file)) {
      const text = fs.readFileSync(path.join(stagingDir, file), 'utf8');
      if (rewriteSpecifiers(text) !== text) problems.push(`${file} imports a .ts path`);
    }
  }
  return problems;
}

/** All three checks; empty arrays mean the package is clean. */
export async function lintPackage(target: LintTarget): Promise<LintReport> {
  return {
    publint: await runPublint(target),
    attw: runAttw(target),
    contents: checkContents(target),
  };
}

export const problemCount = (report: LintReport): number =>
  report.publint.length + report.attw.length + report.contents.length;
