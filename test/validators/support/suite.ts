/**
 * The JSON Schema test suite as a new user would run it: every group of every in-scope file
 * becomes one component schema of one OpenAPI 3.1 document (`#` inside a group points at its own
 * component), the validators stage generates the package (third-party mode, so what it cannot
 * generate is a skipped component, counted as failures), and each test's `data` is parsed by the
 * generated validator, in both flavours (classic Zod and Zod Mini).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as z from 'zod';
import { createValidatorsStage } from '../../../scripts/stages/validators/index.ts';
import { ROOT } from './targets.ts';

export const SUITE_DIR = `${ROOT}/test/fixtures/json-schema-test-suite`;

export const IN_SCOPE = [
  'not',
  'if-then-else',
  'patternProperties',
  'prefixItems',
  'dependentRequired',
  'dependentSchemas',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'type',
  'enum',
  'const',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'maxItems',
  'maxLength',
  'maxProperties',
  'maximum',
  'minItems',
  'minLength',
  'minProperties',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'uniqueItems',
  'pattern',
  'multipleOf',
  'allOf',
  'anyOf',
  'oneOf',
  'ref',
  'default',
  'boolean_schema',
  'defs',
  ...[
    'date-time',
    'date',
    'time',
    'duration',
    'uuid',
    'email',
    'uri',
    'uri-reference',
    'ipv4',
    'ipv6',
    'hostname',
  ].map((f) => `optional/format/${f}`),
];

export interface SuiteTest {
  file: string;
  group: string;
  description: string;
  data: unknown;
  valid: boolean;
  component: string;
}

interface Group {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

/** `#...` inside a group -> `#/components/schemas/<component>...`. */
function rebase(node: unknown, component: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rebase(n, component));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#')
        ? `#/components/schemas/${component}${v.slice(1)}`
        : k === 'enum' || k === 'const' || k === 'default' || k === 'examples'
          ? v
          : rebase(v, component),
    ]),
  );
}

/**
 * Out of scope by the rule "ref (local only)": a group that needs URI-based resolution
 * (`$id`, `$anchor`, `$dynamicRef`, a `$ref` that is not a local JSON pointer). OpenAPI component
 * schemas are referenced by JSON pointer within the bundled document.
 */
export function needsUriResolution(schema: unknown): boolean {
  let found = false;
  JSON.stringify(schema, (key, value: unknown) => {
    if (key === '$id' || key === '$anchor' || key === '$dynamicRef' || key === '$dynamicAnchor')
      found = true;
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) found = true;
    return value;
  });
  return found;
}

export function loadSuite(): {
  tests: SuiteTest[];
  schemas: Record<string, unknown>;
  outOfScope: number;
} {
  let outOfScope = 0;
  const tests: SuiteTest[] = [];
  const schemas: Record<string, unknown> = {};
  for (const file of IN_SCOPE) {
    const groups = JSON.parse(readFileSync(`${SUITE_DIR}/${file}.json`, 'utf8')) as Group[];
    groups.forEach((group, i) => {
      if (needsUriResolution(group.schema)) {
        outOfScope += group.tests.length;
        return;
      }
      const component = `${file.replace(/[^A-Za-z0-9]+/g, '_')}_${i}`;
      schemas[component] = rebase(group.schema, component);
      for (const t of group.tests) tests.push({ file, group: group.description, ...t, component });
    });
  }
  return { tests, schemas, outOfScope };
}

export interface GeneratedSuite {
  tests: SuiteTest[];
  warnings: string[];
  classic: Record<string, z.ZodType>;
  mini: Record<string, z.ZodType>;
}

export async function generateSuite(out: string): Promise<GeneratedSuite> {
  const { tests, schemas } = loadSuite();
  const spec = {
    openapi: '3.1.0',
    info: { title: 'JSON Schema test suite', version: '1' },
    paths: {},
    components: { schemas },
  };
  const warnings: string[] = [];
  const mode = { warn: (line: string) => warnings.push(line), mini: true };
  const files = createValidatorsStage(mode).run({
    spec: spec as never,
    root: out,
    outputs: new Map(),
  }) as { path: string; content: string }[];
  rmSync(out, { recursive: true, force: true });
  for (const file of files) {
    if (file.path.endsWith('.test-d.ts')) continue;
    mkdirSync(dirname(`${out}/${file.path}`), { recursive: true });
    writeFileSync(`${out}/${file.path}`, file.content);
  }
  const src = `${out}/packages/validators/src`;
  for (const hand of ['runtime', 'operation-types.ts'])
    cpSync(`${ROOT}/packages/validators/src/${hand}`, `${src}/${hand}`, { recursive: true });
  const classic = await import(pathToFileURL(`${src}/generated/index.ts`).href);
  const mini = await import(pathToFileURL(`${src}/generated/mini/index.ts`).href);
  return { tests, warnings, classic, mini };
}
