/**
 * `pnpm generate --spec <file|folder>`: any OpenAPI 3.0/3.1 document through every stage, into one
 * self-contained folder. Order: locate the root (locate.ts) -> lint+bundle with the lenient gate
 * (gate.ts) -> documented treatments (prepare.ts) -> every stage in third-party mode, in memory
 * -> support files (support.ts) -> one atomic write (or, with `check`, a comparison with disk).
 * Nothing is written unless all of that succeeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { diffWithDisk, orderStages } from '../pipeline/orchestrator.ts';
import { runStages } from '../pipeline/schedule.ts';
import {
  defaultWorkerCount,
  resolveWorkers,
  startPool,
  type WorkerSetting,
} from '../pipeline/stage-pool.ts';
import { limitHeapGrowthIfLarge } from '../pipeline/heap-growth.ts';
import { SpecError } from '../pipeline/spec-error.ts';
import type { GeneratedFile } from '../pipeline/stage.ts';
import { writeTree } from '../pipeline/write-tree.ts';
import { thirdPartyStages } from '../stages/index.ts';
import { lintAndBundleSpec } from './gate.ts';
import { locateRoot } from './locate.ts';
import { prepareSpec } from './prepare.ts';
import { MARKER, REPO_ROOT, supportFiles } from './support.ts';

export interface SpecModeOptions {
  spec: string;
  out: string;
  check?: boolean;
  /** Folders or URL prefixes a `$ref` may reach besides the spec's folder (`--allow-ref`). */
  allowedRefs?: readonly string[];
  /** Also the validators' Zod Mini build (`--mini`). @default false */
  mini?: boolean;
  log?: (line: string) => void;
  /** Worker threads for the stages (stage-pool.ts). @default defaultWorkerCount() */
  workers?: WorkerSetting;
}

export interface SpecModeResult {
  out: string;
  files: GeneratedFile[];
  /** Located lines: gate findings, treatments, and what each stage skipped. */
  warnings: string[];
  /** Check mode: files that differ from disk. */
  stale: string[];
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

/** Default output folder for a spec: `generated-spec/<name>` under the current folder. */
export function defaultOut(spec: string): string {
  const name = path.basename(path.resolve(spec)).replace(/\.(ya?ml|json)$/i, '');
  return path.join('generated-spec', name.replace(/[^\w.-]/g, '-') || 'api');
}

function refuseForeignFolder(out: string): void {
  if (!fs.existsSync(out)) return;
  if (!fs.statSync(out).isDirectory())
    throw new SpecError([`${out}: exists and is not a folder. Choose another --out.`]);
  if (fs.readdirSync(out).length && !fs.existsSync(path.join(out, MARKER)))
    throw new SpecError([
      `${out}: not empty and not written by \`pnpm generate --spec\` (no ${MARKER}); it would be replaced as a whole. Choose an empty or new --out.`,
    ]);
}

/**
 * A stage must never throw on valid input; if one does, say which and where to report it (a
 * batch of stages shared with a worker thread is named by all of its stages).
 */
async function asInternalError<T>(root: string, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = (error as Error).message?.split('\n')[0] ?? String(error);
    throw new SpecError([
      `${path.relative(process.cwd(), root)}:1:1 internal-error the ${name} stage failed: ${message} — this is a bug in the toolchain, not in your spec; please report it with the spec that triggers it`,
    ]);
  }
}

export async function generateFromSpec(options: SpecModeOptions): Promise<SpecModeResult> {
  const log = options.log ?? (() => {});
  const out = path.resolve(options.out);
  refuseForeignFolder(out);
  const timings: Record<string, number> = {};
  let start = performance.now();
  const root = locateRoot(options.spec);
  const { spec, warnings } = await lintAndBundleSpec(root, process.cwd(), options.allowedRefs);
  limitHeapGrowthIfLarge();
  warnings.push(...prepareSpec(spec));
  timings['lint+bundle'] = performance.now() - start;
  log(`lint+bundle  ${timings['lint+bundle'].toFixed(0)} ms  ${warnings.length} warning(s)`);

  const stageWarnings = new Set<string>();
  const stages = thirdPartyStages({
    warn: (line) => stageWarnings.add(line),
    ...(options.mini ? { mini: true } : {}),
  });
  const files: GeneratedFile[] = [];
  // a large spec's stages share both cores (stage-pool.ts `auto`), as `pnpm generate` does
  const pool = startPool(
    { workers: resolveWorkers(options.workers ?? defaultWorkerCount(), [root]) },
    stages,
  );
  try {
    const runs = await runStages({
      ordered: orderStages(stages),
      dirOf: (stage) => stage.owns[0]!,
      priorOf: () => undefined,
      root: REPO_ROOT,
      spec,
      specHash: '',
      useCache: false,
      pool: pool.get(),
      wrap: (name, work) => asInternalError(root, name, work),
    });
    for (const { stage, run } of runs) {
      files.push(...run.files);
      timings[stage.name] = run.ms;
      log(`${stage.name.padEnd(12)} ${run.ms.toFixed(0)} ms  ${run.files.length} files`);
    }
  } finally {
    await pool.close();
  }
  // in stage order whichever thread ran a stage first (each line starts with its stage's name)
  const rank = (line: string) => {
    const i = stages.findIndex((stage) => line.startsWith(`${stage.name}:`));
    return i < 0 ? stages.length : i;
  };
  warnings.push(...[...stageWarnings].sort((a, b) => rank(a) - rank(b)));
  files.push(
    ...supportFiles({ spec: path.relative(process.cwd(), root), warnings: warnings.length }),
  );
  files.push({
    path: 'warnings.txt',
    content: warnings.map((w) => `${w}\n`).join(''),
    formatted: true,
  });
  files.sort((a, b) => a.path.localeCompare(b.path));

  // paths relative to the output folder's parent, so the folder is replaced as one unit
  const parent = path.dirname(out);
  const base = path.basename(out);
  const placed = files.map((f) => ({ ...f, path: `${base}/${f.path}` }));
  start = performance.now();
  if (options.check) {
    const stale = diffWithDisk(parent, [base], placed).map((p) => path.join(parent, p));
    timings.check = performance.now() - start;
    return { out, files, warnings, stale, timings };
  }
  fs.mkdirSync(parent, { recursive: true });
  writeTree(parent, [base], placed);
  timings.write = performance.now() - start;
  log(`write        ${timings.write.toFixed(0)} ms  ${files.length} files in ${out}`);
  return { out, files, warnings, stale: [], timings };
}
