// Killing `pnpm generate` at any point never leaves a half-written folder: each output folder
// holds either the previous run's files or the new run's, and the next run cleans up.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/spec.ts';
import { makeTempRepo, snapshotTree } from '../support/temp-repo.ts';

const OUTPUTS = [
  'generated',
  'packages/client/src/generated',
  'packages/validators/src/generated',
  'packages/mock/src/generated',
  'packages/docs/site',
];
const child = path.join(repoRoot, 'test/pipeline/support/generate-child.ts');

function generate(repo: string, killAfterMs?: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, repo], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 || signal === 'SIGKILL') resolve();
      else reject(new Error(`generate exited ${code}: ${stderr}`));
    });
  });
}

const snapshot = (repo: string) =>
  Object.fromEntries(OUTPUTS.map((dir) => [dir, snapshotTree(repo, dir)]));

it('leaves every output folder old or new, whenever the run is killed', async () => {
  const repo = makeTempRepo();
  const specRoot = path.join(repo, 'openapi/openapi.yaml');
  const setVersion = (v: string) =>
    fs.writeFileSync(
      specRoot,
      fs.readFileSync(specRoot, 'utf8').replace(/version: \d+\.\d+\.\d+/, `version: ${v}`),
    );

  setVersion('1.0.0');
  await generate(repo);
  const before = snapshot(repo);
  setVersion('1.1.0');
  const start = Date.now();
  await generate(repo);
  const fullMs = Date.now() - start;
  const after = snapshot(repo);
  expect(after.generated).not.toEqual(before.generated);

  // kill points spread over a whole run (seeded, so a failure reproduces)
  const points = [0.1, 0.3, 0.5, 0.7, 0.85, 0.95].map((f) =>
    Math.round(f * fullMs),
  );
  for (const [i, killAt] of points.entries()) {
    setVersion(i % 2 === 0 ? '1.0.0' : '1.1.0'); // alternate, so every kill interrupts a real change
    await generate(repo, killAt);
    const now = snapshot(repo);
    for (const dir of OUTPUTS) {
      expect([before[dir], after[dir]], `${dir} after a kill at ${killAt} ms`).toContainEqual(
        now[dir],
      );
    }
  }

  // the next complete run recovers: no temp folders left, output current
  setVersion('1.1.0');
  await generate(repo);
  expect(snapshot(repo)).toEqual(after);
  const leftovers = OUTPUTS.flatMap((dir) =>
    fs.readdirSync(path.join(repo, path.dirname(dir))).filter((n) => n.startsWith('.generate-')),
  );
  expect(leftovers).toEqual([]);
}, 300_000);
