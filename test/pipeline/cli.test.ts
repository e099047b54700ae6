// The `pnpm generate` command line: clear errors on bad flags, help on request.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { generateNodeFlags } from '../../bench/generate-flags.ts';
import { repoRoot } from '../support/spec.ts';

// started as package.json's `generate` script starts it (Node's own type stripping, no tsx)
const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [...generateNodeFlags(), path.join(repoRoot, 'scripts/generate.ts'), ...args],
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
