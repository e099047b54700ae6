/**
 * The lint's example check (scripts/pipeline/example-check/) answers "valid" without Ajv only
 * where Redocly's own Ajv accepts the example. Ajv is the oracle throughout: the JSON Schema test
 * suite in both of Redocly's dialects, every example of our spec, the fixtures and the corpus
 * specs with mutations of each (a property dropped, added or retyped, …), and the cases where
 * Redocly's Ajv closes objects (`allowAdditionalProperties: false`). A wrong "valid" would let a
 * broken example through the lint, so each of these fails on the first one.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { surelyValid, type CheckContext } from '../../scripts/pipeline/example-check/evaluate.ts';
import {
  auditExampleChecks,
  checkExamplesBeforeAjv,
  exampleCheckStats,
  forgetPlans,
  type AuditedExample,
} from '../../scripts/pipeline/example-check/redocly-hook.ts';
import {
  AJV_KEYWORDS,
  planSchema,
  type Dialect,
  type Plan,
} from '../../scripts/pipeline/example-check/plan.ts';
import { resolvePointer } from '../../scripts/pipeline/json-pointer.ts';
import { redocly } from '../../scripts/pipeline/redocly-core.ts';
import {
  ajvValidatorPrototype,
  type GetValidator,
  type Location,
} from '../../scripts/pipeline/redocly-ajv.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const REPO = path.resolve(import.meta.dirname, '../..');
const requireFromRedocly = createRequire(import.meta.resolve('@redocly/openapi-core'));

/** Redocly's getValidator as Redocly wrote it, taken before the check wraps it. */
let original: GetValidator;
let AjvValidator: new () => object;

beforeAll(() => {
  const proto = ajvValidatorPrototype();
  if (!proto) throw new Error('Redocly AjvValidator not found');
  original = proto.getValidator;
  AjvValidator = redocly.AjvValidator as new () => object;
  expect(checkExamplesBeforeAjv()).toBe(true);
  expect(proto.getValidator).not.toBe(original);
});

/** Documents held in memory, resolved as Redocly's resolver resolves local pointers. */
function memoryResolver(docs: Map<string, unknown>) {
  return (node: unknown, from?: string) => {
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string' || !from) return {};
    const hash = ref.indexOf('#');
    const file = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '#' : ref.slice(hash);
    const absoluteRef = file ? new URL(file, from).href : from;
    const doc = docs.get(absoluteRef);
    const target = doc === undefined ? undefined : resolvePointer(doc, pointer);
    if (target === undefined) return {};
    const location = { source: { absoluteRef }, absolutePointer: absoluteRef + pointer };
    return { location, node: target };
  };
}

/** One schema judged both ways: the check's plan and Redocly's Ajv, for each context. */
function pair(schema: unknown, dialect: Dialect, docs = new Map<string, unknown>()) {
  const from = `mem:///schema-${docs.size}.json`;
  docs.set(from, schema);
  const resolve = memoryResolver(docs);
  const plan = planSchema(schema, from, dialect, resolve, new WeakMap());
  const loc: Location = { source: { absoluteRef: from }, absolutePointer: `${from}#` };
  const oracles = new Map<boolean, object>();
  const ajvAccepts = (data: unknown, context: CheckContext): boolean => {
    let oracle = oracles.get(context.closed);
    if (!oracle) oracles.set(context.closed, (oracle = new AjvValidator()));
    const validate = original.call(oracle, schema, loc, resolve, !context.closed, dialect);
    return !validate || Boolean(validate.call({ apiContext: context.apiContext }, data, {}));
  };
  return { plan, ajvAccepts };
}

const CONTEXTS: CheckContext[] = [
  { closed: true, apiContext: 'request' },
  { closed: true, apiContext: 'response' },
  { closed: false, apiContext: undefined },
];

/** Every place the check was sure and Ajv disagreed, as readable lines. */
function disagreements(
  plan: Plan | undefined,
  ajvAccepts: (data: unknown, context: CheckContext) => boolean,
  values: readonly unknown[],
  label: string,
  counts: { sure: number; all: number },
  contexts: readonly CheckContext[] = CONTEXTS,
): string[] {
  const out: string[] = [];
  if (!plan) return out;
  for (const context of contexts) {
    for (const value of values) {
      counts.all++;
      if (!surelyValid(plan, value, context)) continue;
      counts.sure++;
      let accepted: boolean;
      try {
        accepted = ajvAccepts(value, context);
      } catch (error) {
        out.push(`${label}: sure, but Ajv threw ${String(error)} (${JSON.stringify(context)})`);
        continue;
      }
      if (!accepted)
        out.push(
          `${label}: sure of ${JSON.stringify(value)?.slice(0, 200)}, Ajv rejects it (${JSON.stringify(context)})`,
        );
    }
  }
  return out;
}

/** Values near `value`: each property dropped, an extra one, each value retyped, … (capped). */
function mutations(value: unknown, limit = 80): unknown[] {
  const out: unknown[] = [];
  const replacements = [null, 0, -1, 1.5, 1e12, '', 'x', 'é😀'.repeat(40), true, [], {}];
  const visit = (node: unknown, rebuild: (v: unknown) => unknown, depth: number): void => {
    if (out.length >= limit || depth > 4) return;
    for (const r of replacements) out.push(rebuild(r));
    if (Array.isArray(node)) {
      if (node.length) out.push(rebuild(node.slice(1)), rebuild([...node, node[0]]));
      node
        .slice(0, 3)
        .forEach((item, i) =>
          visit(item, (v) => rebuild(node.map((x, j) => (j === i ? v : x))), depth + 1),
        );
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      out.push(rebuild({ ...record, zzExtra: 1 }));
      for (const key of Object.keys(record)) {
        const { [key]: _dropped, ...rest } = record;
        out.push(rebuild(rest));
        visit(record[key], (v) => rebuild({ ...record, [key]: v }), depth + 1);
      }
    } else if (typeof node === 'string') {
      out.push(rebuild(node + 'Z'), rebuild(node.slice(1)), rebuild(node.toUpperCase()));
    } else if (typeof node === 'number') {
      out.push(rebuild(node + 0.5), rebuild(-node), rebuild(node * 1000));
    }
  };
  visit(value, (v) => v, 0);
  return out.slice(0, limit);
}

describe('the keywords the plan knows Ajv defines', () => {
  it('are exactly the keywords of Redocly’s two Ajv classes', () => {
    const options = { strictSchema: false, discriminator: true, logger: false };
    const addFormats = requireFromRedocly('ajv-formats') as (ajv: unknown) => void;
    for (const [dialect, file, schemaId] of [
      ['2020', '@redocly/ajv/dist/2020.js', '$id'],
      ['draft4', '@redocly/ajv/dist/draft4.js', 'id'],
    ] as const) {
      const Ajv = (requireFromRedocly(file) as { default: new (o: object) => object }).default;
      const ajv = new Ajv({ ...options, schemaId }) as { RULES: { keywords: object } };
      addFormats(ajv);
      expect(new Set(Object.keys(ajv.RULES.keywords))).toEqual(AJV_KEYWORDS[dialect]);
    }
  });
});

interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown }[];
}

function suiteGroups(): { file: string; group: SuiteGroup }[] {
  const dir = path.join(FIXTURES, 'json-schema-test-suite');
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'));
  return files.flatMap((file) =>
    (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as SuiteGroup[]).map((group) => ({
      file,
      group,
    })),
  );
}

/** The suite's schemas name their dialect; the pair judges them in the one given. */
const withoutDialect = (schema: unknown): unknown => {
  if (typeof schema !== 'object' || schema === null) return schema;
  const { $schema: _dialect, ...rest } = schema as Record<string, unknown>;
  return rest;
};

describe('the JSON Schema test suite (draft 2020-12), judged in both dialects', () => {
  for (const dialect of ['2020', 'draft4'] as const) {
    it(`is never sure where Ajv (${dialect}) rejects`, () => {
      const counts = { sure: 0, all: 0 };
      const problems: string[] = [];
      for (const { file, group } of suiteGroups()) {
        const { plan, ajvAccepts } = pair(withoutDialect(group.schema), dialect);
        const values = group.tests.map((t) => t.data);
        problems.push(
          ...disagreements(plan, ajvAccepts, values, `${file} "${group.description}"`, counts),
        );
        for (const t of group.tests)
          problems.push(
            ...disagreements(plan, ajvAccepts, mutations(t.data, 20), `${file} mutated`, counts),
          );
      }
      expect(problems).toEqual([]);
      // the check is useful on the suite, not only safe: it is sure of a good share of it
      expect(counts.sure).toBeGreaterThan(counts.all / 10);
    });
  }
});

describe('objects Redocly’s Ajv closes (allowAdditionalProperties: false)', () => {
  const base = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
  const other = { type: 'object', properties: { b: { type: 'integer' } } };
  const cases: Record<string, unknown> = {
    plain: base,
    'allOf of two parts': { allOf: [base, other] },
    'allOf with own properties': { allOf: [base], properties: { b: { type: 'integer' } } },
    'anyOf of parts': { anyOf: [base, other] },
    'oneOf with properties beside': { oneOf: [base, other], properties: { c: {} } },
    'nested allOf': { allOf: [{ allOf: [base] }, other] },
    'a $ref chain in allOf': { allOf: [{ $ref: '#/x' }], x: { $ref: '#/y' }, y: base },
    'additionalProperties schema': { ...base, additionalProperties: { type: 'number' } },
    patternProperties: { type: 'object', patternProperties: { '^x-': { type: 'string' } } },
    not: { not: base },
    'readOnly and writeOnly': {
      type: 'object',
      properties: { id: { type: 'string', readOnly: true }, pw: { writeOnly: true } },
    },
  };
  // the plan refuses `$defs`/`definitions` (plan.ts), so `$ref` targets sit beside the schema
  // under names Ajv ignores
  cases['allOf of $refs'] = {
    allOf: [{ $ref: '#/x-base' }, { $ref: '#/x-other' }],
    'x-base': base,
    'x-other': other,
  };
  const values = [
    { a: 'x' },
    { a: 'x', b: 1 },
    { a: 'x', b: 1, c: 2 },
    { b: 1 },
    { a: 'x', 'x-y': 'z' },
    { 'x-y': 'z' },
    { id: 'i' },
    { pw: 'p' },
    {},
    'a',
  ];
  for (const [name, schema] of Object.entries(cases)) {
    for (const dialect of ['2020', 'draft4'] as const) {
      it(`${name} (${dialect})`, () => {
        const counts = { sure: 0, all: 0 };
        const { plan, ajvAccepts } = pair(schema, dialect);
        expect(disagreements(plan, ajvAccepts, values, name, counts)).toEqual([]);
      });
    }
  }

  it('is sure where Ajv leaves an allOf open, and not where its own properties close it', () => {
    const open = pair({ allOf: [base, other] }, '2020');
    expect(open.ajvAccepts({ a: 'x', c: 1 }, CONTEXTS[0]!)).toBe(true);
    expect(surelyValid(open.plan!, { a: 'x', c: 1 }, CONTEXTS[0]!)).toBe(true);
    const closed = pair({ allOf: [base], properties: { b: {} } }, '2020');
    expect(closed.ajvAccepts({ a: 'x', b: 1 }, CONTEXTS[0]!)).toBe(true);
    expect(surelyValid(closed.plan!, { a: 'x', b: 1 }, CONTEXTS[0]!)).toBe(true);
    expect(closed.ajvAccepts({ a: 'x', c: 1 }, CONTEXTS[0]!)).toBe(false);
    expect(surelyValid(closed.plan!, { a: 'x', c: 1 }, CONTEXTS[0]!)).toBe(false);
  });
});

/** Every example a real lint validates, audited against Ajv with its mutations. */
async function auditLint(file: string): Promise<{ problems: string[]; sure: number; all: number }> {
  const audited: AuditedExample[] = [];
  auditExampleChecks((example) => audited.push(example));
  try {
    forgetPlans();
    const config = await redocly.createConfig({ extends: ['recommended'] } as never);
    await redocly.lint({ ref: file, config });
  } finally {
    auditExampleChecks(undefined);
  }
  const counts = { sure: 0, all: 0 };
  const problems = audited.flatMap((example, i) => {
    const { plan, context, ajvAccepts } = example;
    const values = [example.data, ...mutations(example.data)];
    const label = `${path.basename(file)} example ${i}`;
    return disagreements(plan, (data) => ajvAccepts(data), values, label, counts, [context]);
  });
  return { problems, ...counts };
}

describe('the examples of real specs, and their mutations', () => {
  const specs = [
    path.join(REPO, 'generated/openapi.json'),
    path.join(FIXTURES, 'real-world/museum.yaml'),
    ...fs
      .readdirSync(path.join(FIXTURES, 'corpus'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(FIXTURES, 'corpus', f)),
    ...fs
      .readdirSync(path.join(FIXTURES, 'features'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join(FIXTURES, 'features', f)),
  ];
  for (const spec of specs) {
    it(`${path.relative(REPO, spec)}: sure only where Ajv accepts`, async () => {
      const { problems } = await auditLint(spec);
      expect(problems).toEqual([]);
    });
  }
});

describe('on our spec', () => {
  it('judges every example without compiling a schema', async () => {
    const before = { ...exampleCheckStats };
    const { problems, all } = await auditLint(path.join(REPO, 'generated/openapi.json'));
    expect(problems).toEqual([]);
    expect(all).toBeGreaterThan(0);
    expect(exampleCheckStats.unplannable - before.unplannable).toBe(0);
    expect(exampleCheckStats.toAjv - before.toAjv).toBe(0);
    expect(exampleCheckStats.sure - before.sure).toBeGreaterThan(200);
  });

  it('reports a broken example with Ajv’s own message', async () => {
    const spec = parseYaml(fs.readFileSync(path.join(REPO, 'generated/openapi.yaml'), 'utf8')) as {
      components: { examples: Record<string, { value: Record<string, unknown> }> };
    };
    const name = 'SignInRequest';
    const example = spec.components.examples[name]!;
    expect(typeof example.value.email).toBe('string');
    example.value = { ...example.value, email: 12345, zzExtra: true };
    const dir = fs.mkdtempSync(path.join(REPO, 'node_modules/.example-check-'));
    try {
      const file = path.join(dir, 'openapi.json');
      fs.writeFileSync(file, JSON.stringify(spec));
      const config = await redocly.createConfig({ extends: ['recommended'] } as never);
      const problems = (await redocly.lint({ ref: file, config }))
        .filter((p) => p.ruleId === 'no-invalid-media-type-examples')
        .map((p) => `${p.location[0]!.pointer} ${p.message}`);
      expect(problems.length, name).toBeGreaterThan(0);
      expect(problems).toContain(
        `#/components/examples/${name}/value/email Example value must conform to the schema: \`email\` property type must be string.`,
      );
      expect(problems).toContain(
        `#/components/examples/${name}/value/zzExtra Example value must conform to the schema: must NOT have unevaluated properties \`zzExtra\`.`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
