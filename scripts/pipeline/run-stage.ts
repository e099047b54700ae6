/** Runs one stage for one API (or reuses its files from disk) and returns its finished files. */
import fs from 'node:fs';
import path from 'node:path';
import { hashPaths, reuseFromDisk, sha256, type StageRecord } from './cache.ts';
import { formatReusing, parserFor } from './format.ts';
import { finishedText, type FinishedFile } from './finished-file.ts';
import { limitHeapGrowthIfLarge } from './heap-growth.ts';
import { withHeader } from './header.ts';
import type { OpenAPIV3_1 } from './openapi-types.ts';
import type { GeneratedFile, Stage } from './stage.ts';
import { relocate } from './targets.ts';
import { sameBytesOnDisk } from './same-bytes.ts';
import { listTree, stageFolder, type Swap } from './write-tree.ts';

export interface StageRun {
  files: FinishedFile[];
  record: StageRecord;
  reused: boolean;
  /**
   * The stage ran and printed exactly the files its folder already holds (e.g. a description
   * edit the validators do not carry): the folder needs no write.
   */
  sameAsDisk?: boolean;
  /** The folder's new version, staged beside it for the run's write (`StageInput.stage`). */
  staged?: Swap;
  ms: number;
}

export interface StageInput {
  root: string;
  stage: Stage;
  dir: string;
  spec: OpenAPIV3_1.Document;
  specHash: string;
  /** Finished files of the stages this one requires, under their own folder names. */
  required: ReadonlyMap<string, readonly GeneratedFile[]>;
  prior?: StageRecord;
  useCache: boolean;
  /** StageContext.rerun: `--watch` runs the stage again in this process. */
  rerun?: boolean;
  /**
   * Stage the folder for the write when its files changed (write-tree.ts `stageFolder`), in the
   * thread that ran the stage; the orchestrator swaps every staged folder in at the end. Off in
   * check mode.
   */
  stageWrite?: boolean;
}

/**
 * The stage's code, hashed once per process: the code that runs is the code loaded at start, so a
 * `--watch` save need not read it again (about 25 ms per save). Files a stage reads while it runs
 * (`.prettierrc.json`, `stage.inputs`) are hashed on every run.
 */
const codeHashes = new Map<string, string>();
function codeHash(root: string, stage: string): string {
  const key = `${root}\0${stage}`;
  let hash = codeHashes.get(key);
  if (hash === undefined) {
    hash = hashPaths(root, [
      'scripts/pipeline',
      path.join('scripts/stages', stage),
      'scripts/stages/third-party.ts',
      'pnpm-lock.yaml',
    ]);
    codeHashes.set(key, hash);
  }
  return hash;
}

/** Output bytes between two looks at the process's memory (heap-growth.ts). */
const CHECK_MEMORY_EVERY = 8 * 1024 * 1024;

export async function runStage(input: StageInput): Promise<StageRun> {
  const { root, stage, dir, spec, specHash, required, prior, rerun } = input;
  const start = performance.now();
  const code = codeHash(root, stage.name);
  const read = hashPaths(root, ['.prettierrc.json', ...(stage.inputs ?? [])]);
  const deps = [...required.entries()].map(
    ([name, files]) => `${name}:${sha256(files.map((f) => f.path + f.content).join('\0'))}`,
  );
  const variant = stage.variant === undefined ? [] : [`variant:${stage.variant}`];
  const inputHash = sha256([specHash, code, read, dir, ...deps, ...variant].join('\n'));

  if (input.useCache && prior?.inputHash === inputHash) {
    const files = intactOnDisk(root, dir, prior);
    if (files) return { files, record: prior, reused: true, ms: performance.now() - start };
  }
  const produced = await stage.run({ spec, root, outputs: required, rerun });
  // A file Prettier does not format is finished (hashed, made bytes) as soon as it is read, so a
  // stage that renders its files lazily (the docs' pages) never holds all their text at once; the
  // rest are formatted together. Files keep the stage's order.
  const seen = new Set<string>();
  const finished: FinishedFile[] = [];
  const hashes: string[] = [];
  let unchecked = 0; // bytes finished since the process's memory was last looked at
  const finish = (index: number, file: { path: string; content: string }) => {
    finished[index] = finishedText(file.path, file.content);
    // the same hash as of the text, encoded once; a run without the cache (`--check`, `--spec`,
    // `--only`) writes no manifest and compares bytes, so it hashes nothing (Stripe's 45 MB of
    // pages: 30-40 ms)
    if (input.useCache) hashes[index] = sha256(finished[index].bytes);
    unchecked += finished[index].bytes.byteLength;
    // a stage that renders as it is read (the docs' pages) grows while its files are finished
    if (unchecked >= CHECK_MEMORY_EVERY) {
      limitHeapGrowthIfLarge();
      unchecked = 0;
    }
  };
  const toFormat: { index: number; file: GeneratedFile }[] = [];
  for (const [index, f] of produced.entries()) {
    const p = relocate(stage, dir, f.path);
    if (seen.has(p)) throw new Error(`stage ${stage.name} wrote ${p} twice`);
    seen.add(p);
    const file = { path: p, content: withHeader(p, f.content), formatted: f.formatted };
    if (parserFor(file) === undefined) finish(index, file);
    else toFormat.push({ index, file });
  }
  const { files: formatted, sources } = await formatReusing(
    toFormat.map((t) => t.file),
    root,
    input.useCache && prior ? (p, source) => formattedBefore(root, prior, p, source) : undefined,
  );
  formatted.forEach((file, i) => finish(toFormat[i]!.index, file));
  const record = {
    inputHash,
    files: input.useCache ? Object.fromEntries(finished.map((f, i) => [f.path, hashes[i]!])) : {},
    sources,
    ms: Math.round(performance.now() - start), // the stage's own work: what longestFirst weighs
  };
  const sameAsDisk =
    input.useCache && prior !== undefined
      ? sameFiles(prior.files, record.files) && intactOnDisk(root, dir, prior) !== undefined
      : holdsExactly(root, dir, finished);
  const staged = input.stageWrite && !sameAsDisk ? stageFolder(root, dir, finished) : undefined;
  limitHeapGrowthIfLarge(); // in whichever thread ran the stage: the flag is process-wide
  const ms = performance.now() - start;
  return { files: finished, record, reused: false, sameAsDisk, ...(staged && { staged }), ms };
}

/**
 * Without last run's record (a fresh clone's committed output, a run without the cache): whether
 * the folder on disk already holds exactly these files, byte for byte. Then nothing is written,
 * as when the record says so: file times stay, and a dev server watching the output sees no
 * change. Writing is not free either: creating Car Owner's 338 validator files took 15–300 ms on
 * the same disk, depending on its load.
 */
function holdsExactly(root: string, dir: string, files: readonly FinishedFile[]): boolean {
  const onDisk = listTree(root, dir);
  if (onDisk.length !== files.length) return false;
  const wanted = new Set(files.map((f) => f.path));
  if (onDisk.some((p) => !wanted.has(p))) return false;
  return files.every((file) => sameBytesOnDisk(path.join(root, file.path), file.bytes));
}

function sameFiles(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * The recorded files as they are on disk, when every one has its recorded content and the folder
 * holds nothing else; otherwise undefined.
 */
function intactOnDisk(root: string, dir: string, record: StageRecord) {
  const files = reuseFromDisk(root, record);
  return files && listTree(root, dir).length === files.length ? files : undefined;
}

/** Last run's formatted text of `p` when its unformatted source is unchanged and the file intact. */
function formattedBefore(
  root: string,
  prior: StageRecord,
  p: string,
  source: string,
): string | undefined {
  if (prior.sources?.[p] !== source || !prior.files[p]) return undefined;
  let content: string;
  try {
    content = fs.readFileSync(path.join(root, p), 'utf8');
  } catch {
    return undefined;
  }
  return sha256(content) === prior.files[p] ? content : undefined;
}

/** A stage's finished files under the folder names it owns, for stages that require it. */
export function asOwnFiles(
  stage: Stage,
  dir: string,
  files: readonly GeneratedFile[],
): GeneratedFile[] {
  const own = stage.owns[0]!;
  return files.map((f) => ({ path: `${own}/${f.path.slice(dir.length + 1)}`, content: f.content }));
}
