/**
 * A large spec file (1 MiB or more) is first screened as plain data and parsed with positions
 * only when the screen finds something (large-file-screen.ts). The screen must never change the
 * outcome: every malformed fixture, padded past the threshold with trailing comment lines, gives
 * the same located lines (or the same bundle and warnings) as the fixture itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCREEN_BYTES } from '../../scripts/pipeline/large-file-screen.ts';
import { precheckSpec } from '../../scripts/pipeline/precheck.ts';
import { createRefPolicy } from '../../scripts/pipeline/ref-confinement.ts';
import { SpecError } from '../../scripts/pipeline/spec-error.ts';
import { lintAndBundleSpec } from '../../scripts/spec-mode/gate.ts';
import { repoRoot } from '../support/spec.ts';

const malformed = path.join(repoRoot, 'test/fixtures/malformed');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'large-file-screen-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Comment lines after the document: no meaning, only bytes. */
function pad(file: string): void {
  const line = `# ${'padding '.repeat(12)}\n`;
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(
    file,
    `${text.endsWith('\n') ? text : `${text}\n`}${line.repeat(Math.ceil(SCREEN_BYTES / line.length) + 1)}`,
  );
}

async function outcome(root: string) {
  try {
    const { spec, warnings } = await lintAndBundleSpec(root, work);
    return { spec, warnings };
  } catch (error) {
    if (error instanceof SpecError) return { lines: error.lines };
    throw error;
  }
}

// an empty file padded with comments is no longer empty (and so says something else)
const CASES = fs
  .readdirSync(malformed)
  .filter((c) => c !== 'empty-file' && fs.existsSync(path.join(malformed, c, 'openapi.yaml')));

describe('the large-file screen', () => {
  it.each(CASES)('%s: the same outcome past 1 MiB as below it', async (name) => {
    const dir = path.join(work, name);
    fs.cpSync(path.join(malformed, name), dir, { recursive: true });
    const root = path.join(dir, 'openapi.yaml');
    const small = await outcome(root);
    pad(root);
    expect(fs.statSync(root).size).toBeGreaterThanOrEqual(SCREEN_BYTES);
    expect(await outcome(root)).toEqual(small);
  });

  it('lets a clean large YAML spec skip the positional parse, and reads it as before', async () => {
    const dir = path.join(work, 'clean');
    fs.cpSync(path.join(malformed, 'valid-base'), dir, { recursive: true });
    const root = path.join(dir, 'openapi.yaml');
    pad(root);
    const pre = precheckSpec(root, createRefPolicy(root, [], work), work);
    expect(pre.problems).toEqual([]);
    expect(pre.sources.screened.has(root)).toBe(true);
    expect(pre.sources.files.has(root)).toBe(false); // no positions computed
    expect(pre.sources.parsed.get(root)?.parsed).toMatchObject({ openapi: '3.1.0' });
  });

  it('parses a large YAML file with an alias with positions (the alias limits apply)', () => {
    const dir = path.join(work, 'alias');
    fs.cpSync(path.join(malformed, 'valid-base'), dir, { recursive: true });
    const root = path.join(dir, 'openapi.yaml');
    const text = fs.readFileSync(root, 'utf8');
    fs.writeFileSync(root, `${text}x-shared: &shared { a: 1 }\nx-again: *shared\n`);
    pad(root);
    const pre = precheckSpec(root, createRefPolicy(root, [], work), work);
    expect(pre.sources.screened.has(root)).toBe(false);
    expect(pre.sources.files.has(root)).toBe(true);
  });
});
