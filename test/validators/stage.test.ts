/** The stage contract: deterministic, confined to its folder, every file marked generated. */
import { describe, expect, it } from 'vitest';
import { HEADER } from '../../scripts/stages/validators/modules/print.ts';
import { validatorsStage } from '../../scripts/stages/validators/index.ts';
import { spec } from './support/targets.ts';

const run = () =>
  validatorsStage.run({ spec: spec as never, root: '.', outputs: new Map() }) as {
    path: string;
    content: string;
  }[];

describe('validators stage', () => {
  const files = run();
  it('is deterministic and sorted', () => {
    expect(run()).toEqual(files);
    expect(files.map((f) => f.path)).toEqual(files.map((f) => f.path).sort());
  });
  it('writes only inside the folder it owns, each file with the generated header', () => {
    for (const file of files) {
      expect(file.path.startsWith(`${validatorsStage.owns[0]}/`)).toBe(true);
      expect(file.content.startsWith(HEADER)).toBe(true);
    }
  });
  it('emits a module per component schema and per operation', () => {
    const schemas = Object.keys((spec.components as { schemas: object }).schemas);
    const modules = files.filter((f) => /\/generated\/schemas\/[^/.]+\.ts$/.test(f.path));
    expect(modules).toHaveLength(schemas.length);
    expect(files.filter((f) => f.path.includes('/operations/')).length).toBeGreaterThan(60);
  });
});
