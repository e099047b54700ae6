/** Type-checks generated TypeScript with this repository's tsc and compiler settings. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './setup.ts';

export interface TypeCheck {
  ok: boolean;
  ms: number;
  /** tsc's diagnostics, one per line. */
  errors: string[];
}

export const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

/**
 * Writes `<root>/tsconfig.real-world.json`: tsconfig.base.json's options (strict, declarations)
 * over `include` (globs relative to `root`). Returns its path.
 */
export function tsconfigFor(root: string, include: readonly string[]): string {
  const config = path.join(root, 'tsconfig.real-world.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(REPO_ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true, types: [] },
      include,
    }),
  );
  return config;
}

/** Runs `tsc --noEmit` over `include` (globs relative to `root`). */
export function typeCheck(root: string, include: readonly string[]): TypeCheck {
  const config = tsconfigFor(root, include);
  const start = performance.now();
  const result = spawnSync(process.execPath, [TSC, '-p', config, '--pretty', 'false'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const errors = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l.trim());
  return { ok: result.status === 0, ms: performance.now() - start, errors };
}
