/**
 * The README's two commands are what CI runs: `.ci/run` is the README's first `sh` block and
 * nothing more, and `scripts/toolchain.sh` changes nothing on a machine that already has the
 * pinned toolchain (CI itself proves the install path on a machine with only Node 20 and npm).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spec.ts';

const commandLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

describe('the README commands', () => {
  it('.ci/run runs exactly the two lines of the README code block', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const ci = fs.readFileSync(path.join(repoRoot, '.ci/run'), 'utf8');
    const ciCommands = commandLines(ci).filter(
      (line) => !line.startsWith('set ') && !line.startsWith('cd '),
    );
    expect(commandLines(block)).toHaveLength(2);
    expect(ciCommands).toEqual(commandLines(block));
  });

  it('sourcing the toolchain script on a ready machine installs nothing and keeps PATH', () => {
    const run = spawnSync(
      'bash',
      [
        '-c',
        'before="$PATH"; . scripts/toolchain.sh || exit 9; [ "$PATH" = "$before" ] && echo same',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('same');
    expect(run.stderr).not.toMatch(/installing/);
    expect(run.stderr).toMatch(/toolchain: node v\d+/);
  });
});
