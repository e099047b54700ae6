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
    // one line at the site, the target named, the sibling file suggested
    expect(error.lines).toEqual([
      "openapi/paths/profile.yaml:32:19 no-unresolved-refs $ref '../components/schemas/CarOwnerUserResponze.yaml' points at openapi/components/schemas/CarOwnerUserResponze.yaml, which does not exist — did you mean '../components/schemas/CarOwnerUserResponse.yaml'?",
    ]);
  });

  it('a duplicate operationId names the file, line and rule', async () => {
    const restore = edit('openapi/paths/auth_sign-out.yaml', (t) =>
      t.replace('operationId: signOut', 'operationId: signIn'),
    );
    const error = await failure();
    restore();
    // at the second operationId, naming the id and the first site
    expect(error.lines).toEqual([
      "openapi/paths/auth_sign-out.yaml:6:16 operation-operationId-unique operationId 'signIn' of post /auth/sign-out is already used by post /auth/sign-in at openapi/paths/auth_sign-in.yaml:6:16 — give each operation its own operationId",
    ]);
  });

  it('invalid YAML names the file and position', async () => {
    const restore = edit('openapi/paths/presence.yaml', (t) =>
      t.replace('put:', 'put:\n  - [unclosed'),
    );
    const error = await failure();
    restore();
    expect(error.lines).toEqual([
      'openapi/paths/presence.yaml:3:3 yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ] — indent this line like the other keys of its mapping (spaces only)',
    ]);
  });

  it('an empty root file says so', async () => {
    const restore = edit('openapi/openapi.yaml', () => '');
    const error = await failure();
    restore();
    expect(error.lines).toEqual([
      'openapi/openapi.yaml:1:1 empty-file the file is empty — write an OpenAPI 3.1 document (start with `openapi: 3.1.0`)',
    ]);
  });

  it('the spec is fine again after each restore', async () => {
    await expect(
      runPipeline({ root: repo, stages, only: ['bundle'], ...quiet }),
    ).resolves.toBeTruthy();
  });
});
