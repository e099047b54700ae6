// Content hashes: an unchanged input does no work; only changed stages run; a hand-edited
// generated file is regenerated.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../scripts/pipeline/cache.ts';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import type { Stage } from '../../scripts/pipeline/stage.ts';
import { stages } from '../../scripts/stages/index.ts';
import { makeTempRepo } from '../support/temp-repo.ts';

function countingStage(): Stage & { runs: number } {
  const stage = {
    name: 'client-types',
    owns: ['out/titles'],
    runs: 0,
    run({ spec }: { spec: { info: { title: string } } }) {
      stage.runs++;
      return [
        { path: 'out/titles/title.txt', content: `${spec.info.title}\n` },
        // larger than the comparison's 1 MiB chunk (run-stage.ts), so a late difference is read
        { path: 'out/titles/long.txt', content: `${'-'.repeat(2_500_000)}${spec.info.title}\n` },
      ];
    },
  };
  return stage as Stage & { runs: number };
}

/** A temp repository, and a run of bundle + the counting stage in it that logs into `lines`. */
function countingRepo() {
  const repo = makeTempRepo();
  const counter = countingStage();
  const lines: string[] = [];
  // the real registry with client-types replaced by a stage that counts its runs
  const registry = stages.map((s) => (s.name === counter.name ? counter : s));
  const run = () =>
    runPipeline({
      root: repo,
      stages: registry,
      only: ['bundle', 'client-types'],
      log: (l) => lines.push(l),
    });
  return { repo, counter, lines, run };
}

describe('incremental runs', () => {
  it('skips everything when nothing changed, reruns after an edit, repairs an edited output', async () => {
    const { repo, counter, lines, run } = countingRepo();

    expect((await run()).upToDate).toBe(false);
    expect(counter.runs).toBe(1);

    lines.length = 0;
    expect((await run()).upToDate).toBe(true);
    expect(counter.runs).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^up to date/)]);

    // a spec edit reruns the stages
    const root = path.join(repo, 'openapi/openapi.yaml');
    fs.writeFileSync(
      root,
      fs.readFileSync(root, 'utf8').replace('version: 1.0.0', 'version: 1.0.1'),
    );
    await run();
    expect(counter.runs).toBe(2);

    // a hand edit of a generated file is noticed and undone
    const out = path.join(repo, 'packages/client/src/generated/title.txt');
    fs.writeFileSync(out, 'edited by hand\n');
    lines.length = 0;
    const result = await run();
    expect(result.upToDate).toBe(false);
    expect(fs.readFileSync(out, 'utf8')).toBe('MinBil Car Owner API V1\n');
    expect(lines.some((l) => /^bundle\s+unchanged/.test(l))).toBe(true);
  });
});

describe("a stage's own inputs", () => {
  it('editing a file a stage reads besides the spec (the docs changelog) reruns that stage', async () => {
    const repo = makeTempRepo();
    const run = () => runPipeline({ root: repo, stages, only: ['bundle', 'docs'], log: () => {} });
    await run();
    const changelog = path.join(repo, 'openapi/CHANGELOG.md');
    const page = path.join(repo, 'packages/docs/site/changelog.html');
    fs.writeFileSync(changelog, '# Changelog\n\n## 9.9.9\n\n- Marker entry for the cache test\n');
    await run();
    expect(fs.readFileSync(page, 'utf8')).toContain('Marker entry for the cache test');
  });
});

describe('writing only what changed', () => {
  it('leaves the folder of a stage that reran but printed the same files as it was', async () => {
    const { repo, counter, lines, run } = countingRepo();
    await run();
    const folder = path.join(repo, 'packages/client/src/generated');
    const before = fs.statSync(folder).ino;
    // a spec edit outside what the counting stage prints (it prints the title only)
    const root = path.join(repo, 'openapi/openapi.yaml');
    fs.writeFileSync(
      root,
      fs.readFileSync(root, 'utf8').replace('version: 1.0.0', 'version: 1.0.1'),
    );
    lines.length = 0;
    await run();
    expect(counter.runs).toBe(2);
    // the folder was not swapped for a rewritten copy; the bundle's folder was
    expect(fs.statSync(folder).ino).toBe(before);
    expect(lines).toContainEqual(expect.stringMatching(/^write\s+\d+ ms\s+1 folders/));
    // a hand edit inside that folder is still repaired on the next rerun
    fs.writeFileSync(path.join(folder, 'title.txt'), 'edited by hand\n');
    fs.writeFileSync(
      root,
      fs.readFileSync(root, 'utf8').replace('version: 1.0.1', 'version: 1.0.2'),
    );
    await run();
    expect(fs.readFileSync(path.join(folder, 'title.txt'), 'utf8')).toBe(
      'MinBil Car Owner API V1\n',
    );
  });

  it('without the cache (a fresh clone of committed output) rewrites no folder that already holds the same files', async () => {
    const { repo, lines, run } = countingRepo();
    await run();
    const folders = ['packages/client/src/generated', 'generated'].map((f) => path.join(repo, f));
    const before = folders.map((f) => fs.statSync(f).ino);
    fs.rmSync(path.join(repo, MANIFEST));
    lines.length = 0;
    await run();
    expect(folders.map((f) => fs.statSync(f).ino)).toEqual(before);
    expect(lines).toContainEqual(expect.stringMatching(/^write\s+\d+ ms\s+0 folders/));
    // one byte off on disk, or one file too many, and the folder is written again
    fs.writeFileSync(path.join(folders[0]!, 'title.txt'), 'MinBil Car Owner API V2\n');
    fs.writeFileSync(path.join(folders[1]!, 'stray.txt'), 'left behind\n');
    fs.rmSync(path.join(repo, MANIFEST));
    lines.length = 0;
    await run();
    expect(lines).toContainEqual(expect.stringMatching(/^write\s+\d+ ms\s+2 folders/));
    expect(fs.readFileSync(path.join(folders[0]!, 'title.txt'), 'utf8')).toBe(
      'MinBil Car Owner API V1\n',
    );
    expect(fs.existsSync(path.join(folders[1]!, 'stray.txt'))).toBe(false);
    // a difference 2.5 MB into a file, past its first chunks: written again
    const long = path.join(folders[0]!, 'long.txt');
    fs.writeFileSync(long, fs.readFileSync(long, 'utf8').replace('V1\n', 'V3\n'));
    fs.rmSync(path.join(repo, MANIFEST));
    lines.length = 0;
    await run();
    expect(lines).toContainEqual(expect.stringMatching(/^write\s+\d+ ms\s+1 folders/));
    expect(fs.readFileSync(long, 'utf8').endsWith('API V1\n')).toBe(true);
  });
});
