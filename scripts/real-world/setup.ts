/**
 * A throwaway root for generating from any spec with the real stages: the spec, a redocly.yaml
 * with one API whose `x-outputs` keep every stage's default folder (so the generated modules'
 * relative imports resolve), the hand-written files those modules import, and a `node_modules`
 * link to this repository's, for Prettier, zod and tsc.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Stage } from '../pipeline/stage.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Lint gate for third-party specs. The pipeline fails on every problem, warnings included, and
 * third-party specs do not follow our house rules (recommended-strict plus the house plugin):
 * Stripe alone has thousands of style findings. So: Redocly's `minimal` ruleset with its style
 * warnings off, and the rules the stages rely on (unique operationIds, declared path parameters,
 * declared security schemes) kept as errors.
 */
export const THIRD_PARTY_LINT = `extends: []
rules:
  struct: error
  no-unresolved-refs: error
  operation-operationId: error
  operation-operationId-unique: error
  path-parameters-defined: error
  security-defined: error
  no-identical-paths: error
`;

/** Hand-written modules the generated code imports, copied beside it for the type-check. */
const RUNTIME_FILES = [
  'packages/validators/src/runtime',
  'packages/validators/src/operation-types.ts',
  'packages/mock/src/route-spec.ts',
  'package.json',
  '.prettierrc.json',
];

export interface RealWorldRoot {
  root: string;
  /** The spec's path relative to `root`. */
  spec: string;
  /** Stage name -> output folder (relative to `root`). */
  outputs: Record<string, string>;
}

/**
 * Clears a previous run's outputs from `dir`, then copies in the hand-written modules the
 * generated code imports and links this repository's node_modules.
 */
export function prepareSupport(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of ['spec', 'packages', 'generated', '.generate-cache.json'])
    fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  for (const entry of RUNTIME_FILES)
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true });
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), modules, 'dir');
}

/** Writes the root into `dir` (created if missing; a previous run's outputs are replaced). */
export function prepareRoot(
  specFile: string,
  dir: string,
  stages: readonly Stage[],
): RealWorldRoot {
  prepareSupport(dir);
  const spec = `spec/${path.basename(specFile)}`;
  fs.mkdirSync(path.join(dir, 'spec'));
  fs.copyFileSync(specFile, path.join(dir, spec));
  const outputs = Object.fromEntries(stages.map((s) => [s.name, s.owns[0]!]));
  const name = path
    .basename(specFile)
    .replace(/\.[^.]+$/, '')
    .replace(/[^\w-]/g, '-');
  const yamlOutputs = Object.entries(outputs)
    .map(([stage, folder]) => `      ${stage}: ${folder}`)
    .join('\n');
  fs.writeFileSync(
    path.join(dir, 'redocly.yaml'),
    `apis:\n  ${name}@real-world:\n    root: ${spec}\n    x-outputs:\n${yamlOutputs}\n\n${THIRD_PARTY_LINT}`,
  );
  return { root: dir, spec, outputs };
}
