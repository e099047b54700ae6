// A broken spec fails `pnpm generate` with a located message and leaves the generated files untouched.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { stages } from '../../scripts/stages/index.ts';
import { makeTempRepo, snapshotTree } from '../support/temp-repo.ts';

const quiet = { log: () => {} };
let repo: string;
let before: Record<string, string>;

beforeAll(async () => {
  repo = makeTempRepo();
  await runPipeline({ root: repo, stages, only: ['bundle'], ...quiet });
  before = snapshotTree(repo, 'generated');
  expect(Object.keys(before)).toContain('openapi.json');
});

function edit(file: string, change: (text: string) => string): () => void {
  const full = path.join(repo, file);
  const original = fs.readFileSync(full, 'utf8');
  fs.writeFileSync(full, change(original));
  return () => fs.writeFileSync(full, original);
}

async function failure(): Promise<SpecError> {
  const error = await runPipeline({ root: repo, stages, only: ['bundle'], ...quiet }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpecError);
  expect(snapshotTree(repo, 'generated')).toEqual(before);
  return error as SpecError;
}

describe('broken specs', () => {
  it('a dangling $ref names the file, line and rule', async () => {
    const restore = edit('openapi/paths/profile.yaml', (t) =>
      t.replace('CarOwnerUserResponse.yaml', 'CarOwnerUserResponze.yaml'),
    );
    const error = await failure();
    restore();
    expect(error.lines.join('\n')).toMatch(
      /openapi\/paths\/profile\.yaml:\d+:\d+ error \[no-unresolved-refs\]/,
    );
  });

  it('a duplicate operationId names the file, line and rule', async () => {
    const restore = edit('openapi/paths/auth_sign-out.yaml', (t) =>
      t.replace('operationId: signOut', 'operationId: signIn'),
    );
    const error = await failure();
    restore();
    expect(error.lines.join('\n')).toMatch(
      /openapi\/paths\/auth_sign-(in|out)\.yaml:\d+:\d+ error \[operation-operationId-unique\]/,
    );
  });

  it('invalid YAML names the file and position', async () => {
    const restore = edit('openapi/paths/presence.yaml', (t) =>
      t.replace('put:', 'put:\n  - [unclosed'),
    );
    const error = await failure();
    restore();
    expect(error.lines.join('\n')).toMatch(/openapi\/paths\/presence\.yaml:\d+:\d+/);
  });

  it('an empty root file says so', async () => {
    const restore = edit('openapi/openapi.yaml', () => '');
    const error = await failure();
    restore();
    expect(error.lines.join('\n')).toMatch(/openapi\/openapi\.yaml:1:1 error \[empty-file\]/);
  });

  it('the spec is fine again after each restore', async () => {
    await expect(
      runPipeline({ root: repo, stages, only: ['bundle'], ...quiet }),
    ).resolves.toBeTruthy();
  });
});
