/**
 * Under `--watch` the validators stage keeps each module's text for the next save and emits a
 * module again only when its key changes (scripts/stages/validators/modules/module-memo.ts).
 * After every kind of edit a save brings, the kept modules must be exactly a fresh run's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../scripts/pipeline/stage.ts';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { validatorsStage } from '../../scripts/stages/validators/index.ts';
import { byPath, expectKeptEqualsFresh } from '../support/kept-output.ts';

type Schema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };
const REPO = path.resolve(import.meta.dirname, '../..');
const spec = JSON.parse(
  fs.readFileSync(path.join(REPO, 'generated/openapi.json'), 'utf8'),
) as OpenAPIV3_1.Document;
const schemas = spec.components!.schemas as Record<string, Schema>;

const run = (rerun: boolean) =>
  validatorsStage.run({ spec, root: REPO, outputs: new Map(), rerun }) as GeneratedFile[];
/** Runs the stage as --watch does (after `edit`) and compares with a run that keeps nothing. */
const expectSameAsFresh = (edit: () => void) =>
  expectKeptEqualsFresh(
    edit,
    () => run(true),
    () => run(false),
  );

describe('validator modules kept between --watch saves', () => {
  it('equal a fresh run after each kind of edit', () => {
    const first = expectSameAsFresh(() => {});
    const attachment = schemas.Attachment!;
    // a description of a schema others reach: carried into every module that reaches it
    expectSameAsFresh(() => {
      attachment.properties!.name!.description = 'Edited by the test.';
    });
    // a structural edit deep in the graph
    expectSameAsFresh(() => {
      attachment.properties!.size!.maximum = 10_000_000;
    });
    // a default and an example
    expectSameAsFresh(() => {
      attachment.properties!.name!.default = 'file.bin';
      attachment.properties!.name!.examples = ['photo.jpg'];
    });
    // a new property, then a new component that refers to an existing one
    expectSameAsFresh(() => {
      attachment.properties!.checksum = { type: 'string', description: 'SHA-256, hex.' };
      schemas.AttachmentList = {
        type: 'array',
        items: { $ref: '#/components/schemas/Attachment' },
      };
    });
    // unknown keys refused deep in the graph: whoever reaches it gets a tolerant variant
    expectSameAsFresh(() => {
      attachment.additionalProperties = false;
    });
    // a property made required, and a schema's type changed
    expectSameAsFresh(() => {
      (attachment.required as string[]).push('name');
      attachment.properties!.size!.type = 'number';
    });
    // undo everything: the first run's modules again
    expectSameAsFresh(() => {
      delete attachment.properties!.checksum;
      delete attachment.additionalProperties;
      delete schemas.AttachmentList;
      (attachment.required as string[]).pop();
      attachment.properties!.size!.type = 'integer';
      delete attachment.properties!.size!.maximum;
      delete attachment.properties!.name!.default;
      delete attachment.properties!.name!.examples;
      attachment.properties!.name!.description = 'Original file name.';
    });
    expect(byPath(run(true))).toEqual(first);
  });
});
