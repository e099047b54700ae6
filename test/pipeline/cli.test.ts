// The `pnpm generate` command line: clear errors on bad flags, help on request.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/spec.ts';

const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts/generate.ts'), ...args],
    { encoding: 'utf8' },
  );

it('rejects an unknown flag with exit 2, naming the flag and the usage', () => {
  const result = run('--chek');
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--chek/);
  expect(result.stderr).toMatch(/usage: pnpm generate/);
});

it('prints usage with --help', () => {
  const result = run('--help');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/usage: pnpm generate \[--check \| --watch\]/);
});
