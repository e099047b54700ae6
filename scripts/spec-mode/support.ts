/**
 * What makes the `--spec` output folder self-contained: the hand-written modules the generated
 * code imports (copied, at the same relative places), a strict tsconfig.json covering every
 * TypeScript file (client types, validators, mock), and a package.json naming the runtime
 * dependencies. `tsc -p <out>` passes wherever those dependencies resolve.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from '../pipeline/stage.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Hand-written modules imported by generated code (folders are copied whole). */
export const RUNTIME_MODULES = [
  'packages/validators/src/runtime',
  'packages/validators/src/operation-types.ts',
  'packages/mock/src/route-spec.ts',
  'packages/mock/src/ajv-runtime.ts',
];

/** Packages the generated and copied modules import at run time. */
export const RUNTIME_DEPENDENCIES = ['zod', 'openapi-fetch', 'msw', 'ajv', 'ajv-formats'];

/** Marks a folder as written by `pnpm generate --spec` (it may be replaced as a whole). */
export const MARKER = 'minbil-spec.json';

function filesUnder(rel: string): string[] {
  const abs = path.join(REPO_ROOT, rel);
  if (fs.statSync(abs).isFile()) return [rel];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) =>
      path.relative(REPO_ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'),
    );
}

function version(pkg: string): string {
  const root = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return root.devDependencies[pkg] ?? '*';
}

export const TSCONFIG = {
  compilerOptions: {
    target: 'ES2023',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    types: [],
  },
  include: ['**/*.ts'],
  exclude: ['node_modules'],
};

/** The support files, placed relative to the output folder. */
export function supportFiles(source: { spec: string; warnings: number }): GeneratedFile[] {
  const json = (p: string, v: unknown): GeneratedFile => ({
    path: p,
    content: `${JSON.stringify(v, null, 2)}\n`,
    formatted: true,
  });
  return [
    ...RUNTIME_MODULES.flatMap(filesUnder).map((p) => ({
      path: p,
      content: fs.readFileSync(path.join(REPO_ROOT, p), 'utf8'),
      formatted: true,
    })),
    json('tsconfig.json', TSCONFIG),
    json('package.json', {
      name: 'generated-api',
      private: true,
      type: 'module',
      peerDependencies: Object.fromEntries(RUNTIME_DEPENDENCIES.map((d) => [d, version(d)])),
    }),
    json(MARKER, {
      'x-generated': 'Written by `pnpm generate --spec`; the whole folder is replaced on each run.',
      spec: source.spec,
      warnings: source.warnings,
    }),
  ];
}
