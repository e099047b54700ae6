/** `tsc -p <out>`: type-checks a `--spec` output folder with this repository's TypeScript. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './support.ts';

export interface TypeCheck {
  ok: boolean;
  ms: number;
  /** tsc's diagnostics, one per line (`file(line,col): error TS…`). */
  errors: string[];
}

export const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

/**
 * Runs tsc on `<out>/tsconfig.json`. The folder's runtime dependencies must resolve from it: when
 * it lies outside any project with them, a `node_modules` link to this repository's is added for
 * the check and removed after.
 */
export function typeCheckOut(out: string, timeoutMs = 600_000): TypeCheck {
  const link = path.join(out, 'node_modules');
  const needsLink = !isInside(out, REPO_ROOT) && !fs.existsSync(link);
  if (needsLink) fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), link, 'dir');
  const start = performance.now();
  try {
    const result = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=4096',
        TSC,
        '-p',
        path.join(out, 'tsconfig.json'),
        '--pretty',
        'false',
      ],
      { cwd: out, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs },
    );
    const errors = `${result.stdout ?? ''}${result.stderr ?? ''}`
      .split('\n')
      .filter((l) => /error TS\d+/.test(l));
    if (result.error) errors.push(`tsc: ${result.error.message}`);
    return { ok: result.status === 0 && !errors.length, ms: performance.now() - start, errors };
  } finally {
    if (needsLink) fs.rmSync(link);
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, path.resolve(child));
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}
