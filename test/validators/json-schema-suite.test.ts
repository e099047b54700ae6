/**
 * The official JSON Schema test suite (draft 2020-12, the in-scope files of
 * test/fixtures/json-schema-test-suite/) through the validators stage: each test's `valid` must
 * be what the generated validator says, in the classic and the Mini build. A schema the stage
 * refuses (skips) fails its tests. Groups needing URI-based `$ref` resolution are out of scope
 * (support/suite.ts `needsUriResolution`). SUITE_ALLOWLIST lists known disagreements, each with
 * its reason; an entry that starts agreeing fails too, so the list cannot go stale.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { pascalName } from '../../scripts/stages/validators/naming.ts';
import { generateSuite, loadSuite, type GeneratedSuite } from './support/suite.ts';
import { ROOT } from './support/targets.ts';

const OUT = `${ROOT}/.tmp/validators-json-schema-suite`;

/** `file | group | test` -> why the validators deliberately disagree with the suite. */
const SUITE_ALLOWLIST: Record<string, string> = {};

const { tests, outOfScope } = loadSuite();
let suite: GeneratedSuite;
const totals = {
  classic: { agree: 0, invalidAccepted: 0 },
  mini: { agree: 0, invalidAccepted: 0 },
};

beforeAll(async () => {
  suite = await generateSuite(OUT);
});
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  const pct = (n: number) => ((100 * n) / tests.length).toFixed(2);
  console.log(
    `json-schema suite: ${tests.length} in-scope tests (${outOfScope} out of scope: URI-based $ref); ` +
      `classic agrees on ${totals.classic.agree} (${pct(totals.classic.agree)}%), invalid accepted ${totals.classic.invalidAccepted}; ` +
      `mini agrees on ${totals.mini.agree} (${pct(totals.mini.agree)}%), invalid accepted ${totals.mini.invalidAccepted}`,
  );
});

function verdict(
  schemas: Record<string, z.ZodType>,
  component: string,
  data: unknown,
): boolean | 'refused' {
  const schema = schemas[`${pascalName(component, '#')}Schema`];
  return schema ? schema.safeParse(data).success : 'refused';
}

describe('JSON Schema test suite (draft 2020-12)', () => {
  it('covers the in-scope files', () => {
    expect(tests.length).toBeGreaterThan(1400);
  });
  const files = [...new Set(tests.map((t) => t.file))];
  for (const file of files) {
    it(file, () => {
      const wrong: string[] = [];
      for (const t of tests.filter((x) => x.file === file)) {
        const key = `${t.file} | ${t.group} | ${t.description}`;
        for (const flavour of ['classic', 'mini'] as const) {
          const got = verdict(suite[flavour], t.component, t.data);
          if (got === t.valid) totals[flavour].agree++;
          else if (got === true) totals[flavour].invalidAccepted++;
          const allowed = key in SUITE_ALLOWLIST;
          if ((got === t.valid) === allowed)
            wrong.push(
              `${flavour}: ${key}: expected ${t.valid}, got ${got}${allowed ? ' (allowlisted)' : ''}`,
            );
        }
      }
      expect(wrong).toEqual([]);
    });
  }
  it('parsed values equal the input, own __proto__ keys included', () => {
    const input = JSON.parse('{"__proto__": {"a": 1}, "b": {"__proto__": 2}}') as unknown;
    for (const t of tests.filter((x) => x.valid && typeof x.data === 'object')) {
      const schema = suite.classic[`${pascalName(t.component, '#')}Schema`];
      const parsed = schema?.safeParse(t.data);
      if (parsed?.success) expect(parsed.data).toStrictEqual(t.data);
    }
    const loose = suite.classic[`${pascalName('properties_0', '#')}Schema`];
    const parsed = loose?.safeParse(input);
    expect(parsed?.success).toBe(true);
    expect(Object.hasOwn(parsed?.data as object, '__proto__')).toBe(true);
    expect(parsed?.data).toStrictEqual(input);
  });
});
