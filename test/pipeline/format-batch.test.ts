/**
 * Batched formatting (format-batch.ts) must print exactly what Prettier prints file by file:
 * checked on every TypeScript file the stages emit for the Car Owner spec, in both builds. The
 * validators print their modules in Prettier's layout themselves (print-statements.ts); here that
 * printer is off, so the many small modules it would print go through the batches as before.
 */
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatBatched, batchable } from '../../scripts/pipeline/format-batch.ts';
import { formatReusing, splitImports } from '../../scripts/pipeline/format.ts';
import type { GeneratedFile } from '../../scripts/pipeline/stage.ts';
import { stages } from '../../scripts/stages/index.ts';
import { layoutPrinter } from '../../scripts/stages/validators/modules/print.ts';
import { loadBundledSpec, repoRoot } from '../support/spec.ts';

const options = {
  ...(await prettier.resolveConfig(`${repoRoot}/package.json`)),
  parser: 'babel-ts',
};
const alone = (text: string) => prettier.format(text, options);

describe('batched formatting', () => {
  it('gives the bytes of formatting each generated TypeScript file alone', async () => {
    const spec = loadBundledSpec();
    const files: GeneratedFile[] = [];
    layoutPrinter.enabled = false;
    try {
      for (const stage of stages.filter((s) => !s.requires?.length))
        files.push(...(await stage.run({ spec, root: repoRoot, outputs: new Map() })));
    } finally {
      layoutPrinter.enabled = true;
    }
    const ts = files.filter((f) => f.path.endsWith('.ts') && !f.formatted);
    // the validators' two builds and the small modules are what gets batched
    expect(
      ts.filter((f) => batchable(f.content) && splitImports(f.content)).length,
    ).toBeGreaterThan(300);
    const { files: batched } = await formatReusing(ts, repoRoot);
    const expected = await Promise.all(ts.map((f) => alone(f.content)));
    const differing = batched.filter((f, i) => f.content !== expected[i]).map((f) => f.path);
    expect(differing).toEqual([]);
  }, 120_000);

  it('falls back to one text at a time when a batch does not parse, and reports that text', async () => {
    const texts = ['export const a = {x:1}\n', 'export const = ;\n', "import {b} from 'b'\n"];
    const alone2 = await alone(texts[1]!).catch((e: Error) => e.message);
    const calls: string[] = [];
    const result = await formatBatched(texts, (t) => {
      calls.push(t);
      return alone(t);
    }).catch((e: Error) => e.message);
    expect(result).toBe(alone2); // the error is the bad text's own, as if formatted alone
    expect(calls.slice(1)).toEqual(texts); // after the joined call failed: each text alone
  });

  it('formats each distinct text once', async () => {
    let calls = 0;
    const out = await formatBatched(['let  a=1\n', 'let  a=1\n'], async (t) => {
      calls++;
      return alone(t);
    });
    expect(out).toEqual(['let a = 1;\n', 'let a = 1;\n']);
    expect(calls).toBe(1);
  });

  it('never batches a directive prologue or a text holding the boundary line', () => {
    expect(batchable("/* x */\n'use client';\nexport const a = 1;\n")).toBe(false);
    expect(
      batchable('export const a = 1;\n// ---- minbil: format batch boundary 5b1c0e ----\n'),
    ).toBe(false);
    expect(batchable('/** doc */\nexport const a = 1;\n')).toBe(true);
  });
});
