/**
 * Atomic output: every folder a stage owns is built complete in a temp folder beside it, then
 * swapped in by rename. A run that fails (or is killed) before the swap leaves the previous output
 * untouched; leftovers of a killed run are cleaned, or restored, by the next run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sameBytesOnDisk } from './same-bytes.ts';
import type { GeneratedFile } from './stage.ts';

const TMP = '.generate-tmp-';
const OLD = '.generate-old-';

/** Paths of the files under `dir`, relative to `root`, with `/` separators; empty when missing. */
export function listTree(root: string, dir: string): string[] {
  const base = path.join(root, dir);
  if (!fs.existsSync(base)) return [];
  return fs
    .readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    );
}

/** Files of `dir`, relative to `root`, with `/` separators; empty when `dir` is missing. */
export function readTree(root: string, dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else out.set(child, fs.readFileSync(path.join(root, child), 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/**
 * The swap journal: written (atomically, by rename) once every temp folder is complete, removed
 * once every folder is swapped. While it exists the new output is complete on disk, so a reader
 * that finds it finishes the swap; without it any temp folder is unfinished and is dropped. So
 * after any kill the output as a whole is the old version or the new one, never a mix.
 */
export const JOURNAL = '.generate-swap.json';

export interface Swap {
  /** Paths relative to the root. */
  target: string;
  tmp: string;
  old: string;
}

/** Called after each step of the write phase (the kill test stops the process at each one). */
export type WriteStep = (step: string) => void;

function finishSwaps(root: string, swaps: readonly Swap[], step: WriteStep): void {
  for (const swap of swaps) {
    const [target, tmp, old] = [swap.target, swap.tmp, swap.old].map((p) => path.join(root, p));
    if (!fs.existsSync(tmp!)) continue; // this folder is swapped already
    if (fs.existsSync(target!)) {
      if (fs.existsSync(old!)) fs.rmSync(old!, { recursive: true, force: true });
      fs.renameSync(target!, old!);
      step(`moved ${swap.target} aside`);
    }
    fs.renameSync(tmp!, target!);
    step(`swapped in ${swap.target}`);
  }
  fs.rmSync(path.join(root, JOURNAL), { force: true });
  step('removed the journal');
  for (const swap of swaps) {
    fs.rmSync(path.join(root, swap.old), { recursive: true, force: true });
    step(`removed the old ${swap.target}`);
  }
}

/**
 * Finish or undo what a killed run left behind, before anything reads the output: a journal means
 * the new version is complete, so its swap is finished; temp folders without one are dropped.
 */
export function recoverInterruptedRun(root: string, ownedDirs: readonly string[]): void {
  const journal = path.join(root, JOURNAL);
  if (fs.existsSync(journal)) {
    const swaps = (JSON.parse(fs.readFileSync(journal, 'utf8')) as { swaps: Swap[] }).swaps;
    finishSwaps(root, swaps, () => {});
  }
  fs.rmSync(`${journal}.tmp`, { force: true });
  for (const dir of ownedDirs) {
    const parent = path.join(root, path.dirname(dir));
    if (!fs.existsSync(parent)) continue;
    const base = path.basename(dir);
    for (const name of fs.readdirSync(parent)) {
      const full = path.join(parent, name);
      if (name.startsWith(`${TMP}${base}-`)) fs.rmSync(full, { recursive: true, force: true });
      else if (name.startsWith(`${OLD}${base}-`)) {
        // a folder moved aside by a writer without a journal: it is the last complete one
        if (!fs.existsSync(path.join(parent, base))) fs.renameSync(full, path.join(parent, base));
        else fs.rmSync(full, { recursive: true, force: true });
      }
    }
  }
}

/** Replace each owned folder with exactly the given files, all folders as one version. */
export function writeTree(
  root: string,
  ownedDirs: readonly string[],
  files: readonly (GeneratedFile & { bytes?: Uint8Array })[],
  step: WriteStep = () => {},
): void {
  recoverInterruptedRun(root, ownedDirs);
  const swaps: Swap[] = [];
  try {
    for (const dir of ownedDirs) {
      swaps.push(stageFolder(root, dir, files));
      step(`staged ${dir}`);
    }
  } catch (error) {
    dropStaged(root, ownedDirs);
    throw error;
  }
  commitSwaps(root, swaps, step);
}

/** This process's temp and set-aside folders for `dir` (the pid tells concurrent runs apart). */
function swapFor(dir: string): Swap {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  return {
    target: dir,
    tmp: path.join(parent, `${TMP}${base}-${process.pid}`),
    old: path.join(parent, `${OLD}${base}-${process.pid}`),
  };
}

/**
 * The first half of the write: `dir`'s new version complete in its temp folder, the output
 * untouched. The thread that ran a stage stages its folder as soon as the stage is done
 * (run-stage.ts), so creating one stage's files overlaps the other stages' work; nothing is
 * visible until commitSwaps. A folder that fails half-way is removed.
 */
export function stageFolder(
  root: string,
  dir: string,
  files: readonly (GeneratedFile & { bytes?: Uint8Array })[],
): Swap {
  const swap = swapFor(dir);
  const tmp = path.join(root, swap.tmp);
  fs.rmSync(tmp, { recursive: true, force: true }); // a folder this process staged and dropped
  try {
    fs.mkdirSync(tmp, { recursive: true });
    const made = new Set<string>([tmp]);
    for (const file of files) {
      if (!file.path.startsWith(`${dir}/`)) continue;
      const dest = path.join(tmp, file.path.slice(dir.length + 1));
      const folder = path.dirname(dest);
      // one mkdir per folder, not per file (GitHub's validators are 4,470 files in six folders)
      if (!made.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      if (!linkedUnchanged(path.join(root, file.path), dest, file))
        fs.writeFileSync(dest, file.bytes ?? file.content);
    }
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  return swap;
}

/**
 * A file whose current version already holds exactly these bytes is hard-linked into the staged
 * folder instead of written: a link makes no new inode, and on ext4 a new inode costs most where
 * files were just deleted (the allocator steps over each recently deleted one, reading its
 * inode): creating 4,470 empty files there took 1.5-2.3 s of CPU, against about 50 ms to delete
 * them. After the swap the old folder's names go and the linked files live on under the new ones
 * (with their old times, so a watcher sees only what changed). Where the bytes differ, the file
 * is absent, or the file system refuses the link, the file is written.
 */
function linkedUnchanged(
  current: string,
  dest: string,
  file: GeneratedFile & { bytes?: Uint8Array },
): boolean {
  // only a plain file no other name shares: a symlink would be staged as a symlink, and a file
  // linked from elsewhere would stay shared with it
  const stat = fs.lstatSync(current, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.nlink !== 1) return false;
  const bytes = file.bytes ?? Buffer.from(file.content);
  if (!sameBytesOnDisk(current, bytes)) return false;
  try {
    fs.linkSync(current, dest);
    return true;
  } catch {
    return false;
  }
}

/** Removes what this process staged for these folders and did not commit (a failed run). */
export function dropStaged(root: string, dirs: readonly string[]): void {
  for (const dir of dirs)
    fs.rmSync(path.join(root, swapFor(dir).tmp), { recursive: true, force: true });
}

/** The second half: every staged folder swapped in, as one version (the journal above). */
export function commitSwaps(
  root: string,
  swaps: readonly Swap[],
  step: WriteStep = () => {},
): void {
  if (!swaps.length) return;
  // Every folder is complete on disk: record the swap, then perform it.
  const journal = path.join(root, JOURNAL);
  fs.writeFileSync(`${journal}.tmp`, `${JSON.stringify({ swaps }, null, 2)}\n`);
  fs.renameSync(`${journal}.tmp`, journal);
  step('wrote the journal');
  finishSwaps(root, swaps, step);
}
