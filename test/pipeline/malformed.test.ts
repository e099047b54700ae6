// The malformed corpus (test/fixtures/malformed/, README there): every broken or hostile spec
// fails with exactly one located line `file:line:col rule message — fix` naming the offending
// value, exit code 1, and no output changed; the pass cases generate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../scripts/pipeline/internal-error.ts';
import { runPipeline } from '../../scripts/pipeline/orchestrator.ts';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { stages } from '../../scripts/stages/index.ts';
import { repoRoot } from '../support/spec.ts';
import { snapshotTree } from '../support/temp-repo.ts';

const corpus = path.join(repoRoot, 'test/fixtures/malformed');
const quiet = { log: () => {} };
const PASS = [
  'valid-base',
  'recursive-schema',
  'pass-hostile-strings',
  'pass-nullable-type-arrays',
  'pass-discriminated-oneof',
];

// case -> its one line, exactly (each read against the fixture: the position is the offending
// token, the value is quoted, the fix follows the dash)
const expected: Record<string, string> = {
  'bad-indentation':
    'openapi/openapi.yaml:27:1 yaml-syntax All mapping items must start at the same column — indent this line like the other keys of its mapping (spaces only)',
  'bad-response-code':
    "openapi/openapi.yaml:38:9 struct response code '4040' is not a status code — use a three-digit status (e.g. 404), a range such as 4XX, or default",
  'dangling-file-ref':
    "openapi/openapi.yaml:35:23 no-unresolved-refs $ref './schemas/Missing.yaml' points at openapi/schemas/Missing.yaml, which does not exist — point the $ref at an existing file",
  'dangling-local-ref':
    "openapi/openapi.yaml:35:23 no-unresolved-refs $ref '#/components/schemas/Thingy' points at nothing: openapi/openapi.yaml has no '#/components/schemas/Thingy' — did you mean '#/components/schemas/Thing'?",
  'deep-nesting':
    'openapi/openapi.yaml:56:409 resource-limit brackets nest deeper than 400 levels — flatten the structure with named components and $ref',
  'duplicate-operation-id':
    "openapi/openapi.yaml:49:20 operation-operationId-unique operationId 'getThing' of get /things is already used by get /things/{thing_id} at openapi/openapi.yaml:28:20 — give each operation its own operationId",
  'duplicate-operation-id-split':
    "openapi/openapi.yaml:30:20 operation-operationId-unique operationId 'getThing' of get /things/{thing_id} is already used by get /others at openapi/paths/others.yaml:5:16 — give each operation its own operationId",
  'duplicate-yaml-key':
    "openapi/openapi.yaml:28:7 yaml-duplicate-key key 'description' appears twice in one mapping — remove one of them or rename it",
  'empty-file':
    'openapi/openapi.yaml:1:1 empty-file the file is empty — write an OpenAPI 3.1 document (start with `openapi: 3.1.0`)',
  'hostile-description':
    'openapi/openapi.yaml:27:20 house/no-active-content `description` contains active content (<script) — Describe it in words or as code in backticks',
  'hostile-enum':
    'openapi/openapi.yaml:58:23 house/no-active-content Enum value contains active content (javascript:) — Use a plain value without markup or script URLs',
  'invalid-yaml':
    'openapi/openapi.yaml:27:7 yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ] — indent this line like the other keys of its mapping (spaces only)',
  'missing-info-title':
    "openapi/openapi.yaml:2:1 struct required field 'title' is missing — add `title`",
  'no-openapi-field':
    'openapi/openapi.yaml:1:1 openapi-version the root has no `openapi` field — start the file with `openapi: 3.1.0`',
  'openapi-version-unsupported':
    "openapi/openapi.yaml:1:10 openapi-version `openapi: '2.5.0'` is not supported — use 3.1.x (3.0.x is accepted too)",
  'path-without-slash':
    "openapi/openapi.yaml:16:3 struct 'things/{thing_id}' is not allowed here — remove it, or fix its spelling or indentation",
  'ref-cycle':
    'openapi/openapi.yaml:35:17 no-ref-cycle `$ref` chain loops without reaching a schema: openapi.yaml#/components/schemas/Thing -> openapi.yaml#/components/schemas/Part -> openapi.yaml#/components/schemas/Thing — point one of them at a real definition',
  'ref-etc-hostname':
    "openapi/openapi.yaml:35:23 no-ref-outside-root $ref '../../../../etc/hostname' is outside the spec's folder (../../../etc/hostname); it was not read — copy the file into the spec's folder, or list its folder or URL prefix under the API's `x-allowed-refs` in redocly.yaml",
  'ref-file-url':
    "openapi/openapi.yaml:35:23 no-ref-outside-root $ref 'file:///etc/passwd' is outside the spec's folder; it was not fetched — copy the file into the spec's folder, or list its folder or URL prefix under the API's `x-allowed-refs` in redocly.yaml",
  'ref-in-extension-remote':
    "openapi/openapi.yaml:7:11 no-ref-outside-root $ref 'https://127.0.0.1:9/logo.yaml' is a network location; it was not fetched — copy the file into the spec's folder, or list its folder or URL prefix under the API's `x-allowed-refs` in redocly.yaml",
  'ref-outside-folder':
    "openapi/openapi.yaml:35:23 no-ref-outside-root $ref '../../elsewhere.yaml' is outside the spec's folder (../elsewhere.yaml); it was not read — copy the file into the spec's folder, or list its folder or URL prefix under the API's `x-allowed-refs` in redocly.yaml",
  'ref-remote-url':
    "openapi/openapi.yaml:35:23 no-ref-outside-root $ref 'http://127.0.0.1:9/schemas/Vehicle.yaml' is a network location; it was not fetched — copy the file into the spec's folder, or list its folder or URL prefix under the API's `x-allowed-refs` in redocly.yaml",
  'ref-typo-sibling':
    "openapi/openapi.yaml:35:23 no-unresolved-refs $ref './components/schemas/Thng.yaml' points at openapi/components/schemas/Thng.yaml, which does not exist — did you mean './components/schemas/Thing.yaml'?",
  'request-body-schema':
    "openapi/openapi.yaml:30:15 ref-kind $ref '#/components/schemas/Thing' points at a schema where a request body belongs — point it at a request body (`#/components/requestBodies/…`) or wrap the schema: `content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}`",
  'required-undefined':
    "openapi/openapi.yaml:53:18 no-required-schema-properties-undefined `required` names 'phone_number', but schema 'Thing' has no such property — add 'phone_number' under `properties` of 'Thing' or remove it from `required`",
  'schema-as-response':
    "openapi/openapi.yaml:39:17 ref-kind $ref '#/components/schemas/Problem' points at a schema where a response belongs — point it at a response (`#/components/responses/…`) or wrap the schema: `description: …` and `content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}`",
  'secret-aws-secret-key':
    'openapi/openapi.yaml:38:34 no-secrets `paths./things/{thing_id}.get.responses.200.content.application/json.example.aws_credentials` holds what looks like a live AWS secret access key (value not shown) — replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  'secret-example':
    'openapi/openapi.yaml:38:24 no-secrets `paths./things/{thing_id}.get.responses.200.content.application/json.example.token` holds what looks like a live Stripe live key (value not shown) — replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  'secret-github-token':
    'openapi/openapi.yaml:38:23 no-secrets `paths./things/{thing_id}.get.responses.200.content.application/json.example.note` holds what looks like a live GitHub token (value not shown) — replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  'secret-google-key':
    'openapi/openapi.yaml:38:23 no-secrets `paths./things/{thing_id}.get.responses.200.content.application/json.example.maps` holds what looks like a live Google API key (value not shown) — replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  'secret-high-entropy-password':
    'openapi/openapi.yaml:38:27 no-secrets `paths./things/{thing_id}.get.responses.200.content.application/json.example.password` holds what looks like a live high-entropy value under `password` (value not shown) — replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  'secret-jwt':
    'openapi/openapi.yaml:38:31 no-secrets `paths./things/{thing_id}.get.responses.200.content.application/json.example.access_token` holds what looks like a live JWT (value not shown) — replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  'secret-private-key':
    'openapi/openapi.yaml:38:23 no-secrets `paths./things/{thing_id}.get.responses.200.content.application/json.example.cert` holds what looks like a live private key (value not shown) — replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  'secret-slack-token':
    'openapi/openapi.yaml:38:22 no-secrets `paths./things/{thing_id}.get.responses.200.content.application/json.example.bot` holds what looks like a live Slack token (value not shown) — replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  'secret-stripe-key':
    'openapi/openapi.yaml:38:29 no-secrets `paths./things/{thing_id}.get.responses.200.content.application/json.example.charge_key` holds what looks like a live Stripe live key (value not shown) — replace it with an obviously fake value (e.g. `sk_test_example`), and revoke the credential if it was real',
  'swagger-2':
    "openapi/openapi.yaml:1:10 openapi-version `swagger: '2.0'`: Swagger 2.0 is not supported — convert the file to OpenAPI 3.1 (for example with swagger2openapi) and set `openapi: 3.1.0`",
  'tab-indentation':
    'openapi/openapi.yaml:27:1 yaml-syntax Tabs are not allowed as indentation — indent with spaces, not tabs',
  'undeclared-path-param':
    'openapi/openapi.yaml:17:5 path-parameters-defined The operation does not define the path parameter `{thing_id}` expected by path `/things/{thing_id}` — see https://redocly.com/docs/cli/rules/path-parameters-defined',
  'unknown-type':
    "openapi/openapi.yaml:55:17 struct `type: 'strng'` is not a JSON Schema type — did you mean 'string'? use one of object, array, string, number, integer, boolean, null",
  'yaml-alias-bomb':
    'openapi/openapi.yaml:63:12 resource-limit YAML alias *a5 expands the document past 100,000 nodes (an alias bomb?) — write the repeated part once as a component and $ref it instead of nesting aliases',
};

let repo: string;
let before: Record<string, string>;

function useSpec(caseName: string): void {
  fs.rmSync(path.join(repo, 'openapi'), { recursive: true, force: true });
  fs.cpSync(path.join(corpus, caseName), path.join(repo, 'openapi'), { recursive: true });
}

async function failure(): Promise<unknown> {
  return runPipeline({ root: repo, stages, only: ['bundle'], ...quiet }).then(
    () => undefined,
    (e: unknown) => e,
  );
}

beforeAll(async () => {
  // two levels below the temp root, so `../../elsewhere.yaml` has somewhere to point
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'malformed-'));
  repo = path.join(top, 'work', 'repo');
  fs.mkdirSync(repo, { recursive: true });
  fs.writeFileSync(path.join(top, 'elsewhere.yaml'), 'type: object\n');
  fs.writeFileSync(path.join(top, 'work', 'elsewhere.yaml'), 'type: object\n');
  for (const entry of ['redocly.yaml', 'scripts/lint-rules', 'package.json', '.prettierrc.json']) {
    fs.cpSync(path.join(repoRoot, entry), path.join(repo, entry), { recursive: true });
  }
  useSpec('valid-base');
  await runPipeline({ root: repo, stages, only: ['bundle'], ...quiet });
  before = snapshotTree(repo, 'generated');
});

describe('malformed specs', () => {
  it('the corpus has at least 30 failing cases, each with its expected line', () => {
    const cases = fs.readdirSync(corpus).filter((n) => n !== 'README.md' && !PASS.includes(n));
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(cases.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))(
    '%s fails with its one located line, exit 1, and writes nothing',
    async (caseName, line) => {
      useSpec(caseName);
      const error = await failure();
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).lines).toEqual([line]);
      expect(describeFailure(error).exitCode).toBe(1);
      expect(snapshotTree(repo, 'generated')).toEqual(before);
    },
  );

  it('a symlink inside the spec folder that leads outside it is refused, unread', async () => {
    useSpec('valid-base');
    const outside = path.join(path.dirname(repo), 'secret.yaml');
    fs.writeFileSync(outside, 'type: object\n');
    fs.symlinkSync(outside, path.join(repo, 'openapi/Linked.yaml'));
    const root = path.join(repo, 'openapi/openapi.yaml');
    fs.writeFileSync(
      root,
      fs.readFileSync(root, 'utf8').replace('"#/components/schemas/Thing"', './Linked.yaml'),
    );
    const error = await failure();
    expect((error as SpecError).lines).toEqual([
      "openapi/openapi.yaml:35:23 no-ref-outside-root $ref './Linked.yaml' is outside the spec's folder (through a symlink) (openapi/Linked.yaml); it was not read — copy the file into the spec's folder, or list its folder or URL prefix under the API's `x-allowed-refs` in redocly.yaml",
    ]);
    expect(snapshotTree(repo, 'generated')).toEqual(before);
  });

  it('a folder redocly.yaml allows under x-allowed-refs is read', async () => {
    useSpec('ref-outside-folder');
    const config = path.join(repo, 'redocly.yaml');
    const original = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(
      config,
      original.replace(
        '    root: openapi/openapi.yaml\n',
        '    root: openapi/openapi.yaml\n    x-allowed-refs: [..]\n',
      ),
    );
    try {
      // the outside file is resolved now: only house style is left (Thing is no longer used)
      const error = await failure();
      expect((error as SpecError).lines).toEqual([
        'openapi/openapi.yaml:51:5 no-unused-components Component: "Thing" is never used — see https://redocly.com/docs/cli/rules/no-unused-components',
      ]);
    } finally {
      fs.writeFileSync(config, original);
    }
  });

  it.each(PASS)('%s generates', async (caseName) => {
    useSpec(caseName);
    const { files } = await runPipeline({
      root: repo,
      stages,
      only: ['bundle'],
      cache: false,
      ...quiet,
    });
    expect(files.some((f) => f.path === 'generated/openapi.json')).toBe(true);
  });
});
