/**
 * Kept only for bench/ (pipeline-cases.ts, pipeline.ts), which times the orchestrator on a
 * throwaway root; users and tests run `pnpm generate --spec` (scripts/spec-mode/) instead.
 *
 * Generates from any OpenAPI 3.0/3.1 spec through the same stages as `pnpm generate`, in a
 * throwaway root, then type-checks the generated TypeScript and checks the docs site's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runPipeline } from '../pipeline/orchestrator.ts';
import type { GeneratedFile } from '../pipeline/stage.ts';
import { thirdPartyStages } from '../stages/index.ts';
import { prepareRoot } from './setup.ts';
import { typeCheck, type TypeCheck } from './typecheck.ts';

export interface RealWorldResult {
  root: string;
  files: GeneratedFile[];
  /** The pipeline's own lines (one per stage with its time). */
  log: string[];
  /** What the stages skipped (third-party mode), each distinct line once. */
  warnings: string[];
  pipelineMs: number;
  typeCheck: TypeCheck;
  /** Docs site files that must exist and do not. */
  missingDocs: string[];
}

/** The TypeScript the type-check covers: the client types and the validators. */
export const TYPE_CHECKED = [
  'packages/client/src/generated/**/*.ts',
  'packages/validators/src/generated/**/*.ts',
  'packages/validators/src/runtime/**/*.ts',
];

const DOCS_FILES = ['index.html', 'schemas.html', 'openapi.json', 'search-index.json'];

export async function runRealWorld(
  specFile: string,
  dir: string,
  log: (line: string) => void = () => {},
): Promise<RealWorldResult> {
  const warnings = new Set<string>();
  const stages = thirdPartyStages({ warn: (line) => warnings.add(line) });
  const { root, outputs } = prepareRoot(path.resolve(specFile), dir, stages);
  const lines: string[] = [];
  const start = performance.now();
  const { files } = await runPipeline({
    root,
    stages,
    log: (line) => {
      lines.push(line);
      log(line);
    },
  });
  const pipelineMs = performance.now() - start;
  const checked = typeCheck(root, TYPE_CHECKED);
  const docs = outputs.docs!;
  const missingDocs = DOCS_FILES.map((f) => `${docs}/${f}`).filter(
    (f) => !fs.existsSync(path.join(root, f)),
  );
  return {
    root,
    files,
    log: lines,
    warnings: [...warnings],
    pipelineMs,
    typeCheck: checked,
    missingDocs,
  };
}
