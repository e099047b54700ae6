// redocly.yaml `apis:` lists the APIs; `x-outputs` says where each stage writes for each API.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { bundleStage } from '../../scripts/stages/bundle/index.ts';
import { repoRoot } from '../support/spec.ts';
import { makeTempRepo } from '../support/temp-repo.ts';

const quiet = { log: () => {} };

function withApis(repo: string, apis: string): void {
  const file = path.join(repo, 'redocly.yaml');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/apis:\n[\s\S]*?\n\n/, `apis:\n${apis}\n\n`));
}

describe('several APIs', () => {
  it('generates each API into its own folders', async () => {
    const repo = makeTempRepo();
    fs.cpSync(
      path.join(repoRoot, 'test/fixtures/malformed/valid-base'),
      path.join(repo, 'workshop'),
      { recursive: true },
    );
    withApis(
      repo,
      [
        '  car-owner@v1:',
        '    root: openapi/openapi.yaml',
        '    x-outputs:',
        '      bundle: generated/car-owner',
        '  workshop@v1:',
        '    root: workshop/openapi.yaml',
        '    x-outputs:',
        '      bundle: generated/workshop',
      ].join('\n'),
    );
    const { files } = await runPipeline({ root: repo, stages: [bundleStage], ...quiet });
    const titles = Object.fromEntries(
      files
        .filter((f) => f.path.endsWith('openapi.json'))
        .map((f) => [f.path, JSON.parse(f.content).info.title]),
    );
    expect(titles).toEqual({
      'generated/car-owner/openapi.json': 'MinBil Car Owner API V1',
      'generated/workshop/openapi.json': 'Things API',
    });
    expect(fs.existsSync(path.join(repo, 'generated/workshop/openapi.yaml'))).toBe(true);
  });

  it('rejects two APIs writing one folder, and unknown stages, naming the fix', async () => {
    const repo = makeTempRepo();
    withApis(
      repo,
      '  a@v1:\n    root: openapi/openapi.yaml\n    x-outputs:\n      bundle: generated\n  b@v1:\n    root: openapi/openapi.yaml\n    x-outputs:\n      bundle: generated',
    );
    await expect(runPipeline({ root: repo, stages: [bundleStage], ...quiet })).rejects.toThrow(
      /both write generated/,
    );
    withApis(
      repo,
      '  a@v1:\n    root: openapi/openapi.yaml\n    x-outputs:\n      bundel: generated',
    );
    const error = await runPipeline({ root: repo, stages: [bundleStage], ...quiet }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpecError);
    expect(String(error)).toMatch(/unknown stage "bundel" \(known: bundle\)/);
  });

  it("rejects an output folder inside another stage's, which its swap would replace", async () => {
    const repo = makeTempRepo();
    withApis(
      repo,
      '  a@v1:\n    root: openapi/openapi.yaml\n    x-outputs:\n      bundle: site\n  b@v1:\n    root: openapi/openapi.yaml\n    x-outputs:\n      bundle: site/b',
    );
    const error = await runPipeline({ root: repo, stages: [bundleStage], ...quiet }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpecError);
    expect(String(error)).toContain(
      'x-outputs folder site/b of b@v1 (bundle) is inside site of a@v1 (bundle); give each stage a folder outside the others.',
    );
    expect(fs.existsSync(path.join(repo, 'site'))).toBe(false);
  });
});
