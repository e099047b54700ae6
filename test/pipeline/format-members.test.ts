/**
 * Under --watch, large files of interfaces are formatted member by member (format-members.ts).
 * That must give Prettier's bytes for the whole file, on every generated `openapi.ts`, on the
 * first run and after an edit (when most members come from the last run).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatByMembers, keepMembersBetweenRuns } from '../../scripts/pipeline/format-members.ts';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { createClientTypesStage } from '../../scripts/stages/client-types/index.ts';
import { loadBundledSpec, repoRoot } from '../support/spec.ts';

const options = {
  ...(await prettier.resolveConfig(`${repoRoot}/package.json`)),
  parser: 'babel-ts',
};
let calls = 0;
const format = (text: string) => {
  calls++;
  return prettier.format(text, options);
};

async function openapiTs(spec: OpenAPIV3_1.Document, thirdParty: boolean): Promise<string> {
  const stage = createClientTypesStage(thirdParty ? { warn: () => {} } : undefined);
  const files = await stage.run({ spec, root: repoRoot, outputs: new Map() });
  return files.find((f) => f.path.endsWith('/openapi.ts'))!.content;
}

const FIXTURES = path.join(repoRoot, 'test/fixtures/corpus');
// (bethmardutho.org has no operationIds: spec mode derives them before the stages run)
const corpus = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json') && f !== 'bethmardutho.org.json');

beforeAll(() => keepMembersBetweenRuns());

describe('formatting by members', () => {
  it("gives the whole file's bytes for Car Owner's openapi.ts, before and after an edit", async () => {
    const spec = loadBundledSpec();
    const text = await openapiTs(spec, false);
    expect(await formatByMembers(text, format)).toBe(await format(text));
    // an edit of one component's property description
    const edited = structuredClone(spec) as { components: { schemas: Record<string, any> } };
    edited.components.schemas.Attachment.properties.name.description = 'Edited "by" the test.';
    const editedText = await openapiTs(edited as never, false);
    calls = 0;
    const byMembers = await formatByMembers(editedText, format);
    const reformatted = calls;
    expect(byMembers).toBe(await format(editedText));
    // only the skeleton and the touched members went through Prettier again
    expect(reformatted).toBeLessThan(5);
  }, 60_000);

  it.each(corpus)(
    "gives the whole file's bytes for %s",
    async (file) => {
      const spec = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
      const text = await openapiTs(spec, true);
      const byMembers = await formatByMembers(text, format);
      if (byMembers !== undefined) expect(byMembers).toBe(await format(text));
      else expect(text.length).toBeLessThan(32 * 1024);
    },
    60_000,
  );
});
