/**
 * Under `--watch` ConfinedResolver keeps each file's parse while its text is unchanged
 * (scripts/pipeline/ref-confinement.ts). Redocly's bundle edits the documents it is given, so a
 * kept parse must never carry one run's edits into the next: every bundle of the same source is
 * the same, and an edit is seen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepDocumentsBetweenRuns } from '../../scripts/pipeline/ref-confinement.ts';
import { lintAndBundle, listApis, loadRedoclyConfig } from '../../scripts/pipeline/redocly.ts';
import { makeTempRepo } from '../support/temp-repo.ts';

const root = makeTempRepo();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function bundled() {
  const config = await loadRedoclyConfig(path.join(root, 'redocly.yaml'));
  return lintAndBundle(listApis(config, root)[0]!, config, root);
}

describe('Redocly parses kept between --watch runs', () => {
  it('bundles the same source to the same document every run, and sees an edit', async () => {
    const fresh = await bundled();
    keepDocumentsBetweenRuns();
    const first = await bundled();
    const second = await bundled();
    const third = await bundled();
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(third).toEqual(fresh);

    const file = path.join(root, 'openapi/components/schemas/Attachment.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('Original file name.', 'Name as uploaded.'));
    const edited = (await bundled()) as { components: { schemas: Record<string, any> } };
    expect(edited.components.schemas.Attachment.properties.name.description).toBe(
      'Name as uploaded.',
    );
  });
});
