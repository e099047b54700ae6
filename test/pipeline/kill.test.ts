// Killing `pnpm generate` at any point never leaves a mix: after any kill the output folders as a
// whole hold the previous version or the new one, once the reader every command starts with
// (recoverInterruptedRun) has finished or undone the interrupted swap.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { JOURNAL, recoverInterruptedRun } from '../../scripts/pipeline/write-tree.ts';
import { repoRoot } from '../support/spec.ts';
import { makeTempRepo, snapshotTree } from '../support/temp-repo.ts';
import { lightStages } from './support/light-stages.ts';

const OUTPUTS = [
  'generated',
  'packages/client/src/generated',
  'packages/validators/src/generated',
  'packages/mock/src/generated',
  'packages/docs/site',
];

function spawnChild(script: string, args: string[], killAfterMs?: number) {
  return new Promise<{ stdout: string; killed: boolean }>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d));
    proc.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 || signal === 'SIGKILL') resolve({ stdout, killed: signal === 'SIGKILL' });
      else reject(new Error(`generate exited ${code}: ${stderr}`));
    });
  });
}

const snapshot = (repo: string) =>
  Object.fromEntries(OUTPUTS.map((dir) => [dir, snapshotTree(repo, dir)]));

const leftovers = (repo: string) =>
  [
    ...OUTPUTS.flatMap((dir) =>
      fs.readdirSync(path.join(repo, path.dirname(dir))).filter((n) => n.startsWith('.generate-')),
    ),
    ...(fs.existsSync(path.join(repo, JOURNAL)) ? [JOURNAL] : []),
  ].sort();

function setVersion(repo: string, v: string) {
  const specRoot = path.join(repo, 'openapi/openapi.yaml');
  fs.writeFileSync(
    specRoot,
    fs.readFileSync(specRoot, 'utf8').replace(/version: \d+\.\d+\.\d+/, `version: ${v}`),
  );
}

describe('kills in the write phase', () => {
  const child = path.join(repoRoot, 'test/pipeline/support/kill-at-step-child.ts');

  it('after a kill at each of the write steps (at least 20), the output is one whole version', async () => {
    const repo = makeTempRepo();
    setVersion(repo, '1.0.0');
    await spawnChild(child, [repo, '0']);
    const v1 = snapshot(repo);
    setVersion(repo, '1.1.0');
    // a run that replaces existing folders: stage 5, journal, 2 renames each, journal, 5 removals
    const steps = Number((await spawnChild(child, [repo, '0'])).stdout);
    const v2 = snapshot(repo);
    expect(v2).not.toEqual(v1);
    expect(steps).toBeGreaterThanOrEqual(20);

    const seen = { old: 0, new: 0 };
    let current = v2;
    for (let step = 1; step <= steps; step++) {
      // every kill interrupts a real change: from the version on disk to the other one
      const target = current === v2 ? v1 : v2;
      setVersion(repo, target === v1 ? '1.0.0' : '1.1.0');
      const { killed } = await spawnChild(child, [repo, String(step)]);
      expect(killed, `killed at step ${step}`).toBe(true);
      recoverInterruptedRun(repo, OUTPUTS);
      const now = snapshot(repo);
      expect([current, target], `output after a kill at write step ${step}`).toContainEqual(now);
      expect(leftovers(repo), `leftovers after step ${step}`).toEqual([]);
      const isNew = JSON.stringify(now) === JSON.stringify(target);
      seen[isNew ? 'new' : 'old']++;
      if (isNew) current = target;
    }
    // kills before the journal undo the run, kills after it finish it: both happen
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
  }, 600_000);

  it('--check after a kill mid-swap first finishes the swap, then finds nothing stale', async () => {
    const repo = makeTempRepo();
    setVersion(repo, '1.0.0');
    await spawnChild(child, [repo, '0']);
    setVersion(repo, '1.1.0');
    const steps = 22;
    // the middle of the swap: some folders already new, the others still old
    await spawnChild(child, [repo, String(Math.ceil(steps / 2) + 1)]);
    expect(fs.existsSync(path.join(repo, JOURNAL))).toBe(true);
    const { stale } = await runPipeline({
      root: repo,
      stages: lightStages,
      check: true,
      log: () => {},
    });
    expect(stale).toEqual([]);
    expect(leftovers(repo)).toEqual([]);
  }, 120_000);
});

it('with the real stages, a kill at any time leaves one whole version', async () => {
  const realChild = path.join(repoRoot, 'test/pipeline/support/generate-child.ts');
  const repo = makeTempRepo();
  setVersion(repo, '1.0.0');
  await spawnChild(realChild, [repo]);
  const before = snapshot(repo);
  setVersion(repo, '1.1.0');
  const start = Date.now();
  await spawnChild(realChild, [repo]);
  const fullMs = Date.now() - start;
  const after = snapshot(repo);

  for (const [i, f] of [0.3, 0.6, 0.85, 0.95].entries()) {
    setVersion(repo, i % 2 === 0 ? '1.0.0' : '1.1.0');
    await spawnChild(realChild, [repo], Math.round(f * fullMs));
    recoverInterruptedRun(repo, OUTPUTS);
    expect([before, after], `after a kill at ${f} of a run`).toContainEqual(snapshot(repo));
  }
  setVersion(repo, '1.1.0');
  await spawnChild(realChild, [repo]);
  expect(snapshot(repo)).toEqual(after);
  expect(leftovers(repo)).toEqual([]);
}, 300_000);
