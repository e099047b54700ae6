/**
 * Runs the stages over each API's bundled spec and owns the disk: stages return files, this module
 * places them in the folders redocly.yaml gives each API, rejects overlapping writes, adds the
 * generated notice, formats in memory, then writes atomically or (check mode) compares with disk.
 * Content hashes skip work: nothing runs when no input changed, and a stage whose input is
 * unchanged reuses its files on disk.
 */
import path from 'node:path';
import {
  hashPaths,
  readManifest,
  reuseFromDisk,
  sha256,
  writeManifest,
  type Manifest,
} from './cache.ts';
import { lintAndBundle, loadRedoclyConfig, type LintOptions } from './redocly.ts';
import { runStages } from './schedule.ts';
import { specJson } from './spec-json.ts';
import { resolveWorkers, startPool, type StagePool, type WorkerSetting } from './stage-pool.ts';
import type { FinishedFile } from './finished-file.ts';
import { limitHeapGrowthIfLarge } from './heap-growth.ts';
import type { GeneratedFile, Stage } from './stage.ts';
import { resolveTargets } from './targets.ts';
import { inStage } from './internal-error.ts';
import {
  commitSwaps,
  dropStaged,
  readTree,
  recoverInterruptedRun,
  type Swap,
  type WriteStep,
} from './write-tree.ts';

export interface RunOptions {
  root: string;
  stages: readonly Stage[];
  /** Compare with disk instead of writing (always regenerates everything). */
  check?: boolean;
  /** Reuse unchanged outputs (content hashes). @default true */
  cache?: boolean;
  /** Receives one line per stage with its time. @default console.log */
  log?: (line: string) => void;
  /** Run only these stages (by name); the others keep their output. @default all */
  only?: readonly string[];
  /**
   * Worker threads for the stages (stage-pool.ts); 0 runs every stage in this thread, `auto` uses
   * one for a large spec (autoWorkerCount). @default 0
   */
  workers?: WorkerSetting;
  /** A pool the caller keeps across runs (watch mode); takes precedence over `workers`. */
  pool?: StagePool;
  /**
   * Options of the shared precheck + lint + bundle (redocly.ts `LintOptions`): a gentler gate for
   * third-party specs passes e.g. `{ secrets: 'warning', onWarning }`. @default strict
   */
  lint?: LintOptions;
  /** `--watch`: the stages run again in this process on the next save (StageContext.rerun). */
  watching?: boolean;
  /** Called after each step of the write phase (test/pipeline/kill.test.ts kills the run there). */
  onWriteStep?: WriteStep;
}

export interface RunResult {
  /** Every file of the run, its text as bytes (finished-file.ts). */
  files: FinishedFile[];
  /** Check mode: paths that differ from a fresh run (changed, missing or extra). */
  stale: string[];
  /** True when nothing had changed and no stage ran. */
  upToDate: boolean;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Stages in an order where each comes after the stages it `requires`. */
export function orderStages(stages: readonly Stage[]): Stage[] {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const done = new Set<string>();
  const out: Stage[] = [];
  const visit = (stage: Stage, trail: string[]) => {
    if (done.has(stage.name)) return;
    if (trail.includes(stage.name))
      throw new Error(`stage cycle: ${[...trail, stage.name].join(' -> ')}`);
    for (const dep of stage.requires ?? []) {
      const needed = byName.get(dep);
      if (!needed) throw new Error(`stage ${stage.name} requires unknown stage ${dep}`);
      visit(needed, [...trail, stage.name]);
    }
    done.add(stage.name);
    out.push(stage);
  };
  for (const stage of stages) visit(stage, []);
  return out;
}

/**
 * Inputs of the whole run: the specs, the lint config, everything that generates, and the
 * stages' variants (a third-party run with the validators' Mini build is another run).
 */
function inputsHash(root: string, specDirs: readonly string[], stages: readonly Stage[]): string {
  const variants = stages.flatMap((s) =>
    s.variant === undefined ? [] : [`${s.name}:${s.variant}`],
  );
  const files = hashPaths(root, [
    ...specDirs,
    'redocly.yaml',
    '.redocly.lint-ignore.yaml',
    'scripts',
    'package.json',
    'pnpm-lock.yaml',
    '.prettierrc.json',
  ]);
  return variants.length ? sha256([files, ...variants].join('\n')) : files;
}

function upToDate(root: string, manifest: Manifest | undefined, hash: string): boolean {
  if (!manifest || manifest.inputsHash !== hash) return false;
  return Object.values(manifest.stages).every(
    (record) => reuseFromDisk(root, record) !== undefined,
  );
}

export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const { root, check = false } = options;
  const useCache = !check && (options.cache ?? true);
  const log = options.log ?? console.log;
  const total = performance.now();

  const config = await loadRedoclyConfig(path.join(root, 'redocly.yaml'));
  const targets = resolveTargets(config, root, options.stages);
  // every reader first finishes (or drops) what a killed run left, so it sees one whole version
  const ownedDirs = targets.flatMap((t) => [...t.outputs.values()]);
  recoverInterruptedRun(root, ownedDirs);
  const hash = inputsHash(
    root,
    targets.map((t) => path.relative(root, path.dirname(t.root))),
    options.stages,
  );
  const manifest = useCache ? readManifest(root) : undefined;
  if (useCache && upToDate(root, manifest, hash)) {
    log(`up to date   ${ms(performance.now() - total)}  (no input changed)`);
    return { files: [], stale: [], upToDate: true };
  }

  const rootFiles = targets.map((t) => t.root);
  const workers = resolveWorkers(options.workers, rootFiles);
  const toRun = options.stages.filter((s) => !options.only || options.only.includes(s.name));
  const pool = startPool({ pool: options.pool, workers }, toRun);
  const next: Manifest = { inputsHash: hash, stages: {} };
  const files: FinishedFile[] = [];
  // the changed folders, each staged beside it by the thread that ran its stage (run-stage.ts)
  const staged: Swap[] = [];
  try {
    for (const target of targets) {
      const start = performance.now();
      const spec = await inStage('lint+bundle', () =>
        lintAndBundle(target, config, root, options.lint),
      );
      limitHeapGrowthIfLarge();
      // the indented text the bundle and docs stages write (spec-json.ts): made here once, they
      // reuse it in this thread
      const specHash = sha256(specJson(spec));
      log(
        `${targets.length > 1 ? `[${target.name}] ` : ''}lint+bundle  ${ms(performance.now() - start)}`,
      );
      const selected = options.stages.filter(
        (s) => target.outputs.has(s.name) && (!options.only || options.only.includes(s.name)),
      );
      const runs = await runStages({
        ordered: orderStages(selected),
        dirOf: (stage) => target.outputs.get(stage.name)!,
        priorOf: (stage) => manifest?.stages[`${target.name}/${stage.name}`],
        root,
        spec,
        specHash,
        useCache,
        rerun: options.watching,
        stageWrite: !check,
        pool: pool.get(),
        wrap: (name, work) => inStage(name, work, { rootFile: target.root, repoRoot: root }),
      });
      for (const { stage, run } of runs) {
        next.stages[`${target.name}/${stage.name}`] = run.record;
        files.push(...run.files);
        if (run.staged) staged.push(run.staged);
        log(
          `${stage.name.padEnd(12)} ${run.reused ? 'unchanged' : ms(run.ms)}  ${run.files.length} files`,
        );
      }
    }
    const seen = new Set<string>();
    for (const f of files) {
      if (seen.has(f.path)) throw new Error(`two stages write ${f.path}`);
      seen.add(f.path);
    }
    files.sort((a, b) => a.path.localeCompare(b.path));

    const start = performance.now();
    if (check) {
      const dirs = targets.flatMap((t) =>
        [...t.outputs.entries()]
          .filter(([name]) => !options.only || options.only.includes(name))
          .map(([, dir]) => dir),
      );
      const stale = diffWithDisk(root, dirs, files);
      await pool.close();
      log(`check        ${ms(performance.now() - start)}  ${stale.length} stale`);
      log(`total        ${ms(performance.now() - total)}`);
      return { files, stale, upToDate: false };
    }
    await pool.close();
    await inStage('write', () => {
      const step = options.onWriteStep ?? (() => {});
      // the stages staged their changed folders as they finished; swap them all in as one version
      for (const swap of staged) step(`staged ${swap.target}`);
      commitSwaps(root, staged, step);
    });
    if (useCache) writeManifest(root, next);
    log(`write        ${ms(performance.now() - start)}  ${staged.length} folders`);
    log(`total        ${ms(performance.now() - total)}`);
    return { files, stale: [], upToDate: false };
  } catch (error) {
    // a stage that failed after others staged their folders: the output stays as it was, and so
    // does the tree beside it
    dropStaged(root, ownedDirs);
    throw error;
  }
}

/** Paths under the given folders whose content on disk differs from `files` (or is extra/missing). */
export function diffWithDisk(
  root: string,
  dirs: readonly string[],
  files: readonly GeneratedFile[],
): string[] {
  const have = new Map<string, string>();
  for (const dir of dirs) for (const [p, content] of readTree(root, dir)) have.set(p, content);
  const want = new Map(files.map((f) => [f.path, f.content]));
  const stale = new Set<string>();
  for (const [p, content] of have) if (want.get(p) !== content) stale.add(p);
  for (const p of want.keys()) if (!have.has(p)) stale.add(p);
  return [...stale].sort();
}
