/**
 * Runs the stages over the bundled spec and owns the disk: collects every stage's files, rejects
 * two stages writing one path or a stage writing outside the folders it owns, adds the generated
 * notice, formats in memory, then either writes atomically or (check mode) compares with disk.
 */
import path from 'node:path';
import { formatFiles } from './format.ts';
import { withHeader } from './header.ts';
import { lintAndBundle, listApis, loadRedoclyConfig } from './redocly.ts';
import { SpecError } from './spec-error.ts';
import type { GeneratedFile, Stage } from './stage.ts';
import { readTree, writeTree } from './write-tree.ts';

export interface RunOptions {
  root: string;
  stages: readonly Stage[];
  /** Compare with disk instead of writing. */
  check?: boolean;
  /** Receives one line per stage with its time. @default console.log */
  log?: (line: string) => void;
}

export interface RunResult {
  files: GeneratedFile[];
  /** Check mode: paths that differ from a fresh run (changed, missing or extra). */
  stale: string[];
}

const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

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

function checkOwnership(
  stage: Stage,
  files: readonly GeneratedFile[],
  seen: Map<string, string>,
): void {
  for (const file of files) {
    if (!stage.owns.some((dir) => file.path.startsWith(`${dir}/`))) {
      throw new Error(
        `stage ${stage.name} wrote ${file.path}, outside the folders it owns (${stage.owns.join(', ')})`,
      );
    }
    const other = seen.get(file.path);
    if (other) throw new Error(`stages ${other} and ${stage.name} both write ${file.path}`);
    seen.set(file.path, stage.name);
  }
}

export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const { root, check = false } = options;
  const log = options.log ?? console.log;
  const total = performance.now();

  let start = performance.now();
  const config = await loadRedoclyConfig(path.join(root, 'redocly.yaml'));
  const apis = listApis(config, root);
  if (apis.length !== 1)
    throw new SpecError([`redocly.yaml: expected one API under \`apis:\`, found ${apis.length}.`]);
  const spec = await lintAndBundle(apis[0]!, config, root);
  log(`lint+bundle  ${ms(start)}`);

  const outputs = new Map<string, GeneratedFile[]>();
  const seen = new Map<string, string>();
  for (const stage of orderStages(options.stages)) {
    start = performance.now();
    const files = await stage.run({ spec, root, outputs });
    checkOwnership(stage, files, seen);
    outputs.set(stage.name, files);
    log(`${stage.name.padEnd(12)} ${ms(start)}  ${files.length} files`);
  }

  start = performance.now();
  const all = [...outputs.values()]
    .flat()
    .map((f) => ({ path: f.path, content: withHeader(f.path, f.content) }));
  const files = (await formatFiles(all, root)).sort((a, b) => a.path.localeCompare(b.path));
  log(`format       ${ms(start)}`);

  const owned = options.stages.flatMap((s) => s.owns);
  let stale: string[] = [];
  start = performance.now();
  if (check) {
    stale = diffWithDisk(root, owned, files);
    log(`check        ${ms(start)}  ${stale.length} stale`);
  } else {
    writeTree(root, owned, files);
    log(`write        ${ms(start)}  ${files.length} files`);
  }
  log(`total        ${ms(total)}`);
  return { files, stale };
}

/** Paths under the owned folders whose content on disk differs from `files` (or is extra/missing). */
export function diffWithDisk(
  root: string,
  owned: readonly string[],
  files: readonly GeneratedFile[],
): string[] {
  const have = new Map<string, string>();
  for (const dir of owned) for (const [p, content] of readTree(root, dir)) have.set(p, content);
  const want = new Map(files.map((f) => [f.path, f.content]));
  const stale = new Set<string>();
  for (const [p, content] of have) if (want.get(p) !== content) stale.add(p);
  for (const p of want.keys()) if (!have.has(p)) stale.add(p);
  return [...stale].sort();
}
