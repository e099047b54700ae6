// Broken and hostile specs through `pnpm generate --spec`: the same one located line as
// `pnpm generate` (shared precheck: $ref confinement, limits, YAML errors, dangling refs), nothing
// read outside the spec's folder, nothing written. House style does not stop a third-party spec,
// so only the cases that make generation impossible or unsafe are here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { generateFromSpec } from '../../scripts/spec-mode/index.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-mode-bad-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// case -> the start of its one line after `test/fixtures/malformed/<case>/openapi.yaml:`
const expected: Record<string, string> = {
  'ref-remote-url':
    "35:23 no-ref-outside-root $ref 'http://127.0.0.1:9/schemas/Vehicle.yaml' is a network location; it was not fetched",
  'ref-in-extension-remote':
    "7:11 no-ref-outside-root $ref 'https://127.0.0.1:9/logo.yaml' is a network location; it was not fetched",
  'ref-outside-folder':
    "35:23 no-ref-outside-root $ref '../../elsewhere.yaml' is outside the spec's folder",
  'ref-etc-hostname':
    "35:23 no-ref-outside-root $ref '../../../../etc/hostname' is outside the spec's folder",
  'ref-file-url':
    "35:23 no-ref-outside-root $ref 'file:///etc/passwd' is outside the spec's folder",
  'yaml-alias-bomb':
    '63:12 resource-limit YAML alias *a5 expands the document past 100,000 nodes (an alias bomb?)',
  'deep-nesting': '56:409 resource-limit brackets nest deeper than 400 levels',
  'duplicate-yaml-key': "28:7 yaml-duplicate-key key 'description' appears twice in one mapping",
  'bad-indentation': '27:1 yaml-syntax All mapping items must start at the same column',
  'tab-indentation': '27:1 yaml-syntax Tabs are not allowed as indentation',
  'dangling-local-ref':
    "35:23 no-unresolved-refs $ref '#/components/schemas/Thingy' points at nothing",
  'ref-typo-sibling':
    "35:23 no-unresolved-refs $ref './components/schemas/Thng.yaml' points at test/fixtures/malformed/ref-typo-sibling/components/schemas/Thng.yaml, which does not exist — did you mean './components/schemas/Thing.yaml'?",
  'ref-cycle': '35:17 no-ref-cycle `$ref` chain loops without reaching a schema',
  'empty-file': '1:1 empty-file the file is empty',
  'swagger-2': "1:1 openapi-version `swagger: '2.0'`: Swagger 2.0 is not supported",
};

describe('pnpm generate --spec on broken and hostile specs', () => {
  it.each(Object.entries(expected))(
    '%s: one located line, nothing written',
    async (caseName, line) => {
      const spec = `test/fixtures/malformed/${caseName}/openapi.yaml`;
      const out = path.join(work, caseName);
      const error = await generateFromSpec({ spec, out, check: false, log: () => {} }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SpecError);
      const lines = (error as SpecError).lines;
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`${spec}:${line}`)).toBe(true);
      expect(lines[0]).toMatch(/ — \S/); // a fix follows the dash
      expect(fs.existsSync(out)).toBe(false);
    },
  );

  it('the fix names --allow-ref, and --allow-ref lets the $ref reach that folder', async () => {
    const top = path.join(work, 'allow');
    fs.mkdirSync(path.join(top, 'spec'), { recursive: true });
    fs.writeFileSync(
      path.join(top, 'Shared.yaml'),
      'type: object\nproperties: { id: { type: string } }\n',
    );
    const spec = path.join(top, 'spec/openapi.yaml');
    fs.writeFileSync(
      spec,
      'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        "200":\n          description: OK\n          content:\n            application/json:\n              schema: { $ref: "../Shared.yaml" }\n',
    );
    const refused = await generateFromSpec({
      spec,
      out: path.join(top, 'out1'),
      log: () => {},
    }).then(
      () => undefined,
      (e: unknown) => e as SpecError,
    );
    expect(refused?.lines).toHaveLength(1);
    expect(refused!.lines[0]).toMatch(
      /spec\/openapi\.yaml:12:\d+ no-ref-outside-root \$ref '\.\.\/Shared\.yaml' is outside the spec's folder.* — copy the file into the spec's folder, or pass its folder or URL prefix with --allow-ref$/,
    );
    const allowed = await generateFromSpec({
      spec,
      out: path.join(top, 'out2'),
      allowedRefs: [top],
      log: () => {},
    });
    expect(allowed.files.some((f) => f.content.includes('Shared'))).toBe(true);
  });

  it('an unknown `type` is a warning and every stage still generates (third-party leniency)', async () => {
    const out = path.join(work, 'unknown-type');
    const result = await generateFromSpec({
      spec: 'test/fixtures/malformed/unknown-type/openapi.yaml',
      out,
      check: false,
      log: () => {},
    });
    expect(result.warnings.some((w) => w.includes("'strng'") || w.includes('strng'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'packages/mock/src/generated'))).toBe(true);
  });
});
