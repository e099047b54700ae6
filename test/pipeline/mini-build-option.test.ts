/**
 * The validators' Zod Mini build in third-party mode (`pnpm generate --spec … --mini`): off by
 * default, the same files from a worker thread as from the main thread when asked for, and a
 * cached third-party run never hands back the other setting's output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { modeInWorker, stageSource, toWorkerSource } from '../../scripts/pipeline/stage-source.ts';
import { generateFromSpec } from '../../scripts/spec-mode/index.ts';
import { stages, thirdPartyStages } from '../../scripts/stages/index.ts';
import { repoRoot } from '../support/spec.ts';
import { makeTempRepo, snapshotTree } from '../support/temp-repo.ts';

const museum = path.join(repoRoot, 'test/fixtures/real-world/museum.yaml');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-mini-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MINI = /\/validators\/src\/generated\/mini\//;
const paths = (files: readonly { path: string }[]) => files.map((f) => f.path);

describe('the Zod Mini build in third-party mode', () => {
  it('is emitted only with --mini, and leaves every other file as it is', async () => {
    const run = (name: string, mini: boolean, workers: number) =>
      generateFromSpec({ spec: museum, out: path.join(dir, name), mini, workers });
    const plain = await run('plain', false, 0);
    const mini = await run('mini', true, 0);
    // the option crosses to the worker thread with the stage set (stage-pool.ts WorkerJob)
    const miniInWorker = await run('mini-worker', true, 1);

    expect(paths(plain.files).filter((p) => MINI.test(p))).toEqual([]);
    const miniPaths = paths(mini.files).filter((p) => MINI.test(p));
    expect(miniPaths).toContain('packages/validators/src/generated/mini/index.ts');
    expect(miniPaths.some((p) => p.includes('/generated/mini/schemas/'))).toBe(true);
    expect(mini.files.filter((f) => !MINI.test(f.path))).toEqual(plain.files);
    expect(miniInWorker.files).toEqual(mini.files);
    // written as listed: the folder of a run without --mini has no mini/ at all
    expect(fs.existsSync(path.join(plain.out, 'packages/validators/src/generated/mini'))).toBe(
      false,
    );
  }, 120_000);

  it('crosses to a worker thread with the stage set', () => {
    // which thread runs the validators is the scheduler's choice, so the run above may not show it
    const inWorker = (mini: boolean) => {
      const set = thirdPartyStages({ warn: () => {}, ...(mini ? { mini: true } : {}) });
      const source = structuredClone(toWorkerSource(stageSource(set[0]!)!));
      return modeInWorker(source, () => {}).mini === true;
    };
    expect(inWorker(true)).toBe(true);
    expect(inWorker(false)).toBe(false);
  });

  it('is part of the cache key: switching it reruns the validators stage', async () => {
    const repo = makeTempRepo();
    const withMini = (mini: boolean) =>
      thirdPartyStages({ warn: () => {}, ...(mini ? { mini: true } : {}) });
    const run = (mini: boolean) =>
      runPipeline({
        root: repo,
        stages: withMini(mini),
        only: ['bundle', 'validators'],
        log: () => {},
      });
    const folder = 'packages/validators/src/generated';
    const hasMini = () => Object.keys(snapshotTree(repo, folder)).some((p) => p.startsWith('mini'));
    await run(false);
    expect(hasMini()).toBe(false);
    await run(true);
    expect(hasMini()).toBe(true);
    await run(false);
    expect(hasMini()).toBe(false);
    fs.rmSync(repo, { recursive: true, force: true });
  }, 120_000);

  it('is always emitted for the house package, whose ./mini entry point is published', () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'packages/validators/package.json'), 'utf8'),
    ) as { exports: Record<string, unknown> };
    expect(Object.keys(pkg.exports)).toContain('./mini');
    expect(stages.find((s) => s.name === 'validators')?.variant).toBeUndefined();
    expect(
      fs.existsSync(path.join(repoRoot, 'packages/validators/src/generated/mini/index.ts')),
    ).toBe(true);
  });
});
