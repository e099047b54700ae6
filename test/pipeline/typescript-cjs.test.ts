/**
 * The pipeline loads TypeScript with `require` (scripts/pipeline/typescript-cjs.js): an ES
 * import of its 9 MB CommonJS file makes Node scan it for export names first, 50-60 ms of
 * every run that generates types or validators. The stages and the openapi-typescript bundle
 * must never import it, and must share one instance.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spec.ts';

// a fresh process: records how every specifier naming TypeScript is resolved while the
// client-types stage (with the openapi-typescript bundle) and the validators stage load, and
// which TypeScript files `require` then holds
const PROBE = `
import module from 'node:module';
const seen = [];
module.registerHooks({
  resolve(specifier, context, next) {
    if (/(^|\\/)typescript(\\/lib\\/typescript\\.js)?$/.test(specifier))
      seen.push(context.conditions.includes('import') ? 'import' : 'require');
    return next(specifier, context);
  },
});
await import('./scripts/stages/client-types/index.ts');
await import('./scripts/stages/validators/index.ts');
const ts = (await import('./scripts/pipeline/typescript-cjs.js')).default;
const loaded = Object.entries(module.createRequire(import.meta.url).cache)
  .filter(([file]) => file.endsWith('/typescript/lib/typescript.js'));
console.log(JSON.stringify({ seen, shared: loaded.length === 1 && loaded[0][1].exports === ts }));
`;

describe('TypeScript in the pipeline', () => {
  it('is required, never imported, and the stages share it with openapi-typescript', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE], {
      cwd: repoRoot,
      encoding: 'utf8',
      // with the bundles off, openapi-typescript's own files import TypeScript (the fallback)
      env: { ...process.env, MINBIL_DEPENDENCY_BUNDLES: undefined },
    });
    expect(run.stderr).toBe('');
    const { seen, shared } = JSON.parse(run.stdout) as { seen: string[]; shared: boolean };
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain('import');
    expect(shared).toBe(true);
  });
});
