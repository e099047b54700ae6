// The `pnpm generate` command line: clear errors on bad flags, help on request.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

it('refuses the --spec flags without --spec, naming them', () => {
  const result = run('--mini');
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--out, --typecheck, --mini and --allow-ref need --spec/);
});

it('--spec … --mini writes the validators’ Zod Mini build beside the classic one', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-cli-mini-'));
  const museum = path.join(repoRoot, 'test/fixtures/real-world/museum.yaml');
  const generated = (name: string) => path.join(out, name, 'packages/validators/src/generated');
  try {
    expect(run('--spec', museum, '--out', path.join(out, 'mini'), '--mini').status).toBe(0);
    expect(run('--spec', museum, '--out', path.join(out, 'plain')).status).toBe(0);
    expect(fs.readdirSync(path.join(generated('mini'), 'mini/schemas')).length).toBe(
      fs.readdirSync(path.join(generated('mini'), 'schemas')).length,
    );
    expect(fs.existsSync(path.join(generated('plain'), 'mini'))).toBe(false);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
