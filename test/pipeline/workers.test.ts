// Stages in worker threads write exactly what one thread writes and report the same third-party
// warnings; Prettier's output of last run is reused only for an unchanged, intact file; workers
// start under the Node flags `pnpm generate` uses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateNodeFlags } from '../../bench/generate-flags.ts';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { longestFirst } from '../../scripts/pipeline/schedule.ts';
import {
  autoWorkerCount,
  defaultWorkerCount,
  LARGE_SPEC_BYTES,
  resolveWorkers,
  watchWorkerCount,
  workerExecArgv,
} from '../../scripts/pipeline/stage-pool.ts';
import { generateFromSpec } from '../../scripts/spec-mode/index.ts';
import { stages, thirdPartyStages } from '../../scripts/stages/index.ts';
import { prepareRoot } from '../../scripts/real-world/setup.ts';
import { repoRoot } from '../support/spec.ts';
import { makeTempRepo } from '../support/temp-repo.ts';

const quiet = { log: () => {} };
const ONLY = ['bundle', 'client-types', 'docs'];

describe('stages in worker threads', () => {
  it('produce the same files as one thread, in the same order', async () => {
    const repo = makeTempRepo();
    const one = await runPipeline({ root: repo, stages, only: ONLY, check: true, ...quiet });
    const lines: string[] = [];
    const two = await runPipeline({
      root: repo,
      stages,
      only: ONLY,
      check: true,
      workers: 1,
      log: (l) => lines.push(l),
    });
    expect(two.files.map((f) => f.path)).toEqual(one.files.map((f) => f.path));
    expect(two.files).toEqual(one.files);
    // one line per stage, in list order, whichever thread finished first
    expect(lines.map((l) => l.split(' ')[0])).toEqual([
      'lint+bundle',
      'bundle',
      'client-types',
      'docs',
      'check',
      'total',
    ]);
  }, 120_000);

  it('forward third-party warnings to the caller, as one thread reports them', async () => {
    const museum = path.join(repoRoot, 'test/fixtures/real-world/museum.yaml');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-workers-'));
    const warningsWith = async (workers: number) => {
      const warnings: string[] = [];
      const set = thirdPartyStages({ warn: (l) => warnings.push(l) });
      const { root } = prepareRoot(museum, dir, set);
      await runPipeline({ root, stages: set, check: true, workers, ...quiet });
      return warnings.sort();
    };
    const one = await warningsWith(0);
    expect(one.length).toBeGreaterThan(0); // HTTP basic auth: client-types and mock warn
    expect(await warningsWith(1)).toEqual(one);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

describe('how many worker threads a run uses', () => {
  it('auto: one for a spec whose root documents reach 1 MiB on two cores, else none', () => {
    expect(autoWorkerCount(LARGE_SPEC_BYTES - 1, 2)).toBe(0);
    expect(autoWorkerCount(LARGE_SPEC_BYTES, 2)).toBe(1);
    expect(autoWorkerCount(50 * LARGE_SPEC_BYTES, 1)).toBe(0); // no second core to win
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-auto-workers-'));
    const small = path.join(dir, 'small.yaml');
    const large = path.join(dir, 'large.yaml');
    fs.writeFileSync(small, 'openapi: 3.1.0\n');
    fs.writeFileSync(large, 'x'.repeat(LARGE_SPEC_BYTES));
    // the split Car Owner spec counts by its root, as the bundle is not there yet
    expect(resolveWorkers('auto', [small, small])).toBe(0);
    expect(resolveWorkers('auto', [large])).toBe(autoWorkerCount(LARGE_SPEC_BYTES));
    expect(resolveWorkers(3, [large])).toBe(3); // a number is taken as it is
    expect(resolveWorkers(undefined, [large])).toBe(0); // runPipeline's default
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('share a cold run longest stage first, then by the last run’s times', () => {
    const names = (prior: Record<string, number>) =>
      longestFirst(
        stages.map((stage) => ({ stage })),
        (stage) => (stage.name in prior ? { ms: prior[stage.name]! } : undefined) as never,
      ).map((job) => job.stage.name);
    // in list order the docs, the longest on a large spec, came last and ran alone
    expect(names({})).toEqual(['docs', 'validators', 'mock', 'client-types', 'bundle']);
    expect(names({ bundle: 9000, docs: 10 })[0]).toBe('bundle');
  });

  it('MINBIL_GENERATE_WORKERS overrides auto; --watch takes auto as none', () => {
    const saved = process.env.MINBIL_GENERATE_WORKERS;
    try {
      delete process.env.MINBIL_GENERATE_WORKERS;
      expect(defaultWorkerCount()).toBe('auto');
      expect(watchWorkerCount(defaultWorkerCount())).toBe(0);
      process.env.MINBIL_GENERATE_WORKERS = '2';
      expect(defaultWorkerCount()).toBe(2);
      expect(watchWorkerCount(defaultWorkerCount())).toBe(2);
      process.env.MINBIL_GENERATE_WORKERS = 'many'; // not a count: auto
      expect(defaultWorkerCount()).toBe('auto');
    } finally {
      if (saved === undefined) delete process.env.MINBIL_GENERATE_WORKERS;
      else process.env.MINBIL_GENERATE_WORKERS = saved;
    }
  });

  it('--spec with a worker thread writes what one thread writes, warnings included', async () => {
    const museum = path.join(repoRoot, 'test/fixtures/real-world/museum.yaml');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-spec-workers-'));
    const run = (workers: number) =>
      generateFromSpec({ spec: museum, out: path.join(dir, `out-${workers}`), workers });
    const one = await run(0);
    const two = await run(1);
    expect(two.files).toEqual(one.files);
    expect(two.warnings).toEqual(one.warnings);
    expect(Object.keys(two.timings)).toEqual(Object.keys(one.timings));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

describe('reusing formatted output', () => {
  it('never keeps a hand-edited file, even when its stage output is unchanged', async () => {
    const repo = makeTempRepo();
    const run = () =>
      runPipeline({ root: repo, stages, only: ['bundle', 'client-types'], ...quiet });
    await run();
    const ops = path.join(repo, 'packages/client/src/generated/operations.ts');
    const fresh = fs.readFileSync(ops, 'utf8');
    // a spec edit reruns client-types; operations.ts comes out the same as before the edit
    const root = path.join(repo, 'openapi/openapi.yaml');
    fs.writeFileSync(
      root,
      fs.readFileSync(root, 'utf8').replace('version: 1.0.0', 'version: 1.0.1'),
    );
    fs.writeFileSync(ops, `${fresh}// edited by hand\n`);
    await run();
    expect(fs.readFileSync(ops, 'utf8')).toBe(fresh);
  }, 120_000);
});

describe('worker threads under the flags pnpm generate starts with', () => {
  it('start and regenerate the committed output, whatever V8 flags the process has', () => {
    const run = spawnSync(
      process.execPath,
      [...generateNodeFlags(), '--heap-growing-percent=40', 'scripts/generate.ts', '--check'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, MINBIL_GENERATE_WORKERS: '1' },
        timeout: 180_000,
      },
    );
    expect(run.stderr).not.toMatch(/ERR_WORKER_INVALID_EXEC_ARGV/);
    expect(run.stdout).toMatch(/check\s+\d+ ms\s+0 stale/);
    expect(run.status).toBe(0);
  });

  it('inherit the parent’s flags, and add tsx without the heap-size flags where it is missing', () => {
    expect(workerExecArgv(['--max-semi-space-size=8', '--import', 'tsx/esm'], false)).toBe(
      undefined,
    );
    expect(workerExecArgv(['--max-semi-space-size=8', '--heap-growing-percent=40'], true)).toBe(
      undefined,
    );
    expect(workerExecArgv(['--max-semi-space-size=8', '--max-old-space-size=4096'], false)).toEqual(
      ['--import', 'tsx'],
    );
  });
});
