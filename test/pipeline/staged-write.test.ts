// Each stage stages its changed folder beside the output as soon as it is done (so creating one
// stage's files overlaps the next stage's work), and nothing reaches the output until every stage
// has succeeded: a stage that fails later leaves the output and the tree around it as they were.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import type { Stage } from '../../scripts/pipeline/stage.ts';
import { makeTempRepo, snapshotTree } from '../support/temp-repo.ts';
import { lightStages } from './support/light-stages.ts';

const VALIDATORS = 'packages/validators/src/generated';
const DOCS = 'packages/docs/site';

/** The `.generate-…` entries beside a folder (temp and set-aside folders). */
const besides = (repo: string, dir: string) =>
  fs.readdirSync(path.join(repo, path.dirname(dir))).filter((n) => n.startsWith('.generate-'));

function setVersion(repo: string, version: string) {
  const file = path.join(repo, 'openapi/openapi.yaml');
  fs.writeFileSync(
    file,
    fs.readFileSync(file, 'utf8').replace(/version: \d+\.\d+\.\d+/, `version: ${version}`),
  );
}

/** The light stages with the docs stage replaced: it records what is beside the validators. */
function withDocs(run: (repo: string) => void, repo: string): Stage[] {
  return lightStages.map((stage) =>
    stage.name === 'docs'
      ? {
          ...stage,
          run: (ctx) => {
            run(repo);
            return stage.run(ctx);
          },
        }
      : stage,
  );
}

describe('the write phase', () => {
  it('a stage that ran stages its changed folder before the later stages run', async () => {
    const repo = makeTempRepo();
    await runPipeline({ root: repo, stages: lightStages, cache: false, log: () => {} });
    setVersion(repo, '9.9.9');
    let seen: string[] = [];
    // in one thread the stages run in their order: the validators before the docs
    const stages = withDocs((r) => (seen = besides(r, VALIDATORS)), repo);
    await runPipeline({ root: repo, stages, cache: false, workers: 0, log: () => {} });
    expect(seen).toEqual([`.generate-tmp-generated-${process.pid}`]);
    expect(besides(repo, VALIDATORS)).toEqual([]);
    expect(fs.readFileSync(path.join(repo, VALIDATORS, 'part-0.txt'), 'utf8')).toContain('9.9.9');
  });

  for (const workers of [0, 1])
    it(`a stage that fails after others staged their folders leaves every folder as it was (${workers} workers)`, async () => {
      const repo = makeTempRepo();
      await runPipeline({ root: repo, stages: lightStages, cache: false, log: () => {} });
      const before = [VALIDATORS, DOCS].map((dir) => snapshotTree(repo, dir));
      setVersion(repo, '9.9.9');
      const failing = withDocs(() => {
        throw new Error('docs: out of ink');
      }, repo);
      await expect(
        runPipeline({ root: repo, stages: failing, cache: false, workers, log: () => {} }),
      ).rejects.toThrow('out of ink');
      expect([VALIDATORS, DOCS].map((dir) => snapshotTree(repo, dir))).toEqual(before);
      for (const dir of [VALIDATORS, DOCS, 'generated']) expect(besides(repo, dir)).toEqual([]);
    });

  it('a changed folder keeps its unchanged files as they were (linked, not written again) and writes the others', async () => {
    const repo = makeTempRepo();
    // part 0 names the version, part 1 does not
    const stages = lightStages.map((stage) => ({
      ...stage,
      run: (ctx: Parameters<Stage['run']>[0]) =>
        (stage.run(ctx) as { path: string; content: string }[]).map((f) =>
          f.path.endsWith('part-1.txt') ? { ...f, content: 'the same in every version\n' } : f,
        ),
    }));
    await runPipeline({ root: repo, stages, cache: false, log: () => {} });
    const file = (name: string) => path.join(repo, VALIDATORS, name);
    const before = {
      changed: fs.statSync(file('part-0.txt')),
      same: fs.statSync(file('part-1.txt')),
    };
    setVersion(repo, '9.9.9');
    await runPipeline({ root: repo, stages, cache: false, workers: 0, log: () => {} });
    expect(fs.readFileSync(file('part-0.txt'), 'utf8')).toContain('9.9.9');
    expect(fs.statSync(file('part-0.txt')).ino).not.toBe(before.changed.ino);
    // the same inode, with its old modification time: no new file was made for it
    expect(fs.statSync(file('part-1.txt')).ino).toBe(before.same.ino);
    expect(fs.statSync(file('part-1.txt')).mtimeMs).toBe(before.same.mtimeMs);
    expect(fs.statSync(file('part-1.txt')).nlink).toBe(1); // the old folder's name is gone
    expect(besides(repo, VALIDATORS)).toEqual([]);
  });

  it('a file that another name shares is written anew, so the output never stays linked to it', async () => {
    const repo = makeTempRepo();
    await runPipeline({ root: repo, stages: lightStages, cache: false, log: () => {} });
    const output = path.join(repo, VALIDATORS, 'part-1.txt');
    const outside = path.join(repo, 'elsewhere.txt');
    fs.linkSync(output, outside);
    setVersion(repo, '9.9.9');
    // the same bytes again for part 1 (the version only reaches part 0 of this stage's files)
    const stages = lightStages.map((stage) => ({
      ...stage,
      run: (ctx: Parameters<Stage['run']>[0]) =>
        (stage.run(ctx) as { path: string; content: string }[]).map((f) =>
          f.path.endsWith('part-1.txt') ? { ...f, content: fs.readFileSync(outside, 'utf8') } : f,
        ),
    }));
    await runPipeline({ root: repo, stages, cache: false, workers: 0, log: () => {} });
    expect(fs.statSync(output).ino).not.toBe(fs.statSync(outside).ino);
    expect(fs.readFileSync(output, 'utf8')).toBe(fs.readFileSync(outside, 'utf8'));
  });
});
