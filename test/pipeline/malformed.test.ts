// The malformed corpus: every defect fails with a located line naming the rule, and no generated
// file changes; a legitimately recursive schema generates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { stages } from '../../scripts/stages/index.ts';
import { repoRoot } from '../support/spec.ts';
import { snapshotTree } from '../support/temp-repo.ts';

const corpus = path.join(repoRoot, 'test/fixtures/malformed');
const quiet = { log: () => {} };

// case -> the file and rule its one line must name
const expected: Record<string, RegExp> = {
  'dangling-local-ref': /openapi\/openapi\.yaml:\d+:\d+ error \[no-unresolved-refs\]/,
  'dangling-file-ref': /openapi\/openapi\.yaml:\d+:\d+ error \[no-unresolved-refs\]/,
  'ref-cycle': /openapi\/openapi\.yaml:\d+:\d+ error \[no-ref-cycle\]/,
  'duplicate-operation-id': /openapi\/openapi\.yaml:\d+:\d+ error \[operation-operationId-unique\]/,
  'unknown-type': /openapi\/openapi\.yaml:\d+:\d+ error \[struct\] `type` can be one of/,
  'invalid-yaml': /openapi\/openapi\.yaml:\d+:\d+ error \[yaml-syntax\]/,
  'empty-file': /openapi\/openapi\.yaml:1:1 error \[empty-file\]/,
  'no-openapi-field':
    /openapi\/openapi\.yaml:1:1 error \[openapi-version\] The root has no `openapi` field/,
  'swagger-2':
    /openapi\/openapi\.yaml:1:\d+ error \[openapi-version\] Swagger 2\.0 is not supported/,
  'undeclared-path-param': /openapi\/openapi\.yaml:\d+:\d+ error \[path-parameters-defined\]/,
  'hostile-description': /openapi\/openapi\.yaml:\d+:\d+ error \[house\/no-active-content\]/,
  'hostile-enum': /openapi\/openapi\.yaml:\d+:\d+ error \[house\/no-active-content\]/,
  'secret-example': /openapi\/openapi\.yaml:\d+:\d+ error \[house\/no-secrets-in-examples\]/,
  'missing-info-title': /openapi\/openapi\.yaml:\d+:\d+ error \[(struct|info-title)\]/,
  'bad-response-code':
    /openapi\/openapi\.yaml:\d+:\d+ error \[(struct|operation-2xx-response|operation-4xx-response)\]/,
  'path-without-slash':
    /openapi\/openapi\.yaml:\d+:\d+ error \[(struct|path-declaration-must-exist)\]/,
};

let repo: string;
let before: Record<string, string>;

function useSpec(caseName: string): void {
  fs.rmSync(path.join(repo, 'openapi'), { recursive: true, force: true });
  fs.cpSync(path.join(corpus, caseName), path.join(repo, 'openapi'), { recursive: true });
}

beforeAll(async () => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'malformed-'));
  for (const entry of ['redocly.yaml', 'scripts/lint-rules', 'package.json', '.prettierrc.json']) {
    fs.cpSync(path.join(repoRoot, entry), path.join(repo, entry), { recursive: true });
  }
  useSpec('valid-base');
  await runPipeline({ root: repo, stages, only: ['bundle'], ...quiet });
  before = snapshotTree(repo, 'generated');
});

describe('malformed specs', () => {
  it('the corpus has at least 14 cases, each with an expectation', () => {
    const cases = fs
      .readdirSync(corpus)
      .filter((n) => !['valid-base', 'recursive-schema', 'README.md'].includes(n));
    expect(cases.length).toBeGreaterThanOrEqual(14);
    expect(cases.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))(
    '%s fails with a located line and writes nothing',
    async (caseName, pattern) => {
      useSpec(caseName);
      const error = await runPipeline({ root: repo, stages, only: ['bundle'], ...quiet }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SpecError);
      const lines = (error as SpecError).lines;
      expect(
        lines.some((line) => pattern.test(line)),
        lines.join('\n'),
      ).toBe(true);
      for (const line of lines) expect(line).toMatch(/^\S+:\d+:\d+ error \[[\w/.-]+\] \S/);
      expect(snapshotTree(repo, 'generated')).toEqual(before);
    },
  );

  it('a recursive schema generates', async () => {
    useSpec('recursive-schema');
    const { files } = await runPipeline({ root: repo, stages, only: ['bundle'], ...quiet });
    const json = files.find((f) => f.path === 'generated/openapi.json')!;
    expect(JSON.parse(json.content).components.schemas.Thing.properties.parts.items.$ref).toBe(
      '#/components/schemas/Thing',
    );
  });
});
