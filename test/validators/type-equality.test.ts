/**
 * `z.infer` of every component schema and openapi-typescript's type for it are mutually
 * assignable: `tsc --noEmit` on the generated type-equality.test-d.ts. Known gaps are listed with
 * their reason; a gap that closes fails too, so the list cannot go stale.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plan, ROOT } from './support/targets.ts';

const FILE = 'packages/validators/src/generated/type-equality.test-d.ts';

// Components whose z.infer and openapi-typescript types are known to differ, with the reason.
const KNOWN_GAPS: Record<string, string> = {};

function failingComponents(): string[] {
  let output = '';
  try {
    execFileSync(
      process.execPath,
      [
        `${ROOT}/node_modules/typescript/bin/tsc`,
        '-p',
        'test/validators/tsconfig.type-equality.json',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  const lines = readFileSync(`${ROOT}/${FILE}`, 'utf8').split('\n');
  const failing = new Set<string>();
  for (const match of output.matchAll(/type-equality\.test-d\.ts\((\d+),\d+\): error (TS\d+)/g)) {
    if (match[2] !== 'TS2344') throw new Error(`unexpected compiler error:\n${output}`);
    for (let line = Number(match[1]) - 1; line >= 0; line--) {
      const key = /^\s+'?([^':\s]+)'?: Expect</.exec(lines[line] ?? '');
      if (key?.[1]) {
        failing.add(key[1]);
        break;
      }
    }
  }
  if (output && failing.size === 0) throw new Error(`tsc failed:\n${output}`);
  return [...failing].sort();
}

describe('type equality with openapi-typescript', () => {
  it('checks every component', () => {
    const text = readFileSync(`${ROOT}/${FILE}`, 'utf8');
    for (const c of plan.components) expect(text).toContain(`components['schemas']['${c.name}']`);
  });

  it('agrees on every component except the reviewed gaps', () => {
    expect(failingComponents()).toEqual(Object.keys(KNOWN_GAPS).sort());
  });
});
