/**
 * format.ts loads Prettier only when a file needs it: a run whose stages print every file in
 * Prettier's layout themselves (the types and validators jobs, the docs) never pays Prettier's
 * import (about 10 ms of start-up).
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/spec.ts';

const PROBE = `
import module from 'node:module';
let loaded = false;
module.registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    if (/\\/prettier\\/index\\.mjs$/.test(result.url)) loaded = true;
    return result;
  },
});
const { formatReusing } = await import('./scripts/pipeline/format.ts');
const printed = await formatReusing([{ path: 'a/page.html', content: '<p>x</p>' }], process.cwd());
const before = loaded;
const ts = await formatReusing([{ path: 'a/x.ts', content: 'export const x   = 1' }], process.cwd());
console.log(JSON.stringify({ before, after: loaded, printed: printed.files[0].content, ts: ts.files[0].content }));
`;

it('loads Prettier on the first file it formats, not before', () => {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({
    before: false,
    after: true,
    printed: '<p>x</p>',
    ts: 'export const x = 1;\n',
  });
});
