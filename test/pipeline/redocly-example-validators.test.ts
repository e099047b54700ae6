/**
 * Under `--watch` the example rules' Ajv validators are kept between lints
 * (scripts/pipeline/redocly-example-validators.ts). Each lint must still judge every example
 * against the schemas as they are now: an edit in a schema reached only through `$ref`s is seen,
 * undoing it is seen, and an edit of annotations alone compiles nothing again. The example check
 * in front of Ajv (scripts/pipeline/example-check/) must see the same edits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exampleValidatorStats,
  keepExampleValidatorsBetweenLints,
} from '../../scripts/pipeline/redocly-example-validators.ts';
import { lintAndBundle, listApis, loadRedoclyConfig } from '../../scripts/pipeline/redocly.ts';
import { keepDocumentsBetweenRuns } from '../../scripts/pipeline/ref-confinement.ts';
import { keepParsesBetweenRuns } from '../../scripts/pipeline/spec-sources.ts';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { makeTempRepo } from '../support/temp-repo.ts';

let root: string;
const attachment = () => path.join(root, 'openapi/components/schemas/Attachment.yaml');

/** The lint's problem lines, [] when the spec passes. */
async function lintLines(): Promise<string[]> {
  const config = await loadRedoclyConfig(path.join(root, 'redocly.yaml'));
  try {
    await lintAndBundle(listApis(config, root)[0]!, config, root);
    return [];
  } catch (error) {
    if (error instanceof SpecError) return [...error.lines];
    throw error;
  }
}

function edit(from: string, to: string): void {
  const text = fs.readFileSync(attachment(), 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(attachment(), text.replace(from, to));
}

beforeAll(() => {
  root = makeTempRepo();
  // as --watch does (scripts/pipeline/watch.ts): an unchanged file's documents are kept, so
  // their schemas reach the edited file's through `$ref`s the lint's plans must not keep
  keepParsesBetweenRuns();
  keepDocumentsBetweenRuns();
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('example validators kept between lints', () => {
  it('is active on the pinned @redocly/openapi-core', async () => {
    expect(await keepExampleValidatorsBetweenLints()).toBe(true);
  });

  it('sees an edit reached only through $refs, and its undoing', async () => {
    expect(await lintLines()).toEqual([]);
    // Attachment's url has no example of its own; booking and message examples hold long urls
    edit('    format: uri\n', '    maxLength: 5\n');
    const lines = await lintLines();
    expect(
      lines.some((l) =>
        /components\/examples\/Booking\w*\.yaml:\d+:\d+ no-invalid-media-type-examples/.test(l),
      ),
      lines.join('\n'),
    ).toBe(true);
    expect(lines.join('\n')).toMatch(/url/);
    edit('    maxLength: 5\n', '    format: uri\n');
    expect(await lintLines()).toEqual([]);
  });

  it('compiles nothing again when only a description changed', async () => {
    // `propertyNames` is outside the lint's example check (scripts/pipeline/example-check/), so
    // the examples that reach Attachment go to Ajv, whose validators this module keeps
    edit('required:\n', 'propertyNames:\n  minLength: 1\nrequired:\n');
    await lintLines();
    const before = { ...exampleValidatorStats };
    edit('Original file name.', 'The name the file had when it was uploaded.');
    expect(await lintLines()).toEqual([]);
    expect(exampleValidatorStats.compiled).toBe(before.compiled);
    expect(exampleValidatorStats.reused).toBeGreaterThan(before.reused);
    edit('propertyNames:\n  minLength: 1\n', '');
  });
});
