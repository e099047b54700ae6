/**
 * Atomic output: every folder a stage owns is built complete in a temp folder beside it, then
 * swapped in by rename. A run that fails (or is killed) before the swap leaves the previous output
 * untouched; leftovers of a killed run are cleaned, or restored, by the next run.
 */
import fs from 'node:fs';
import path from 'node:path';
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

/** Undo what a killed run left behind: finish an interrupted swap, drop unfinished temp folders. */
export function recoverInterruptedRun(root: string, ownedDirs: readonly string[]): void {
  for (const dir of ownedDirs) {
    const parent = path.join(root, path.dirname(dir));
    if (!fs.existsSync(parent)) continue;
    const base = path.basename(dir);
    for (const name of fs.readdirSync(parent)) {
      const full = path.join(parent, name);
      if (name.startsWith(`${TMP}${base}-`)) fs.rmSync(full, { recursive: true, force: true });
      else if (name.startsWith(`${OLD}${base}-`)) {
        // killed between the two renames: the old output is the last complete one
        if (!fs.existsSync(path.join(parent, base))) fs.renameSync(full, path.join(parent, base));
        else fs.rmSync(full, { recursive: true, force: true });
      }
    }
  }
}

/** Replace each owned folder with exactly the given files. */
export function writeTree(
  root: string,
  ownedDirs: readonly string[],
  files: readonly GeneratedFile[],
): void {
  recoverInterruptedRun(root, ownedDirs);
  const staged: { target: string; tmp: string }[] = [];
  try {
    for (const dir of ownedDirs) {
      const target = path.join(root, dir);
      const tmp = path.join(path.dirname(target), `${TMP}${path.basename(dir)}-${process.pid}`);
      fs.mkdirSync(tmp, { recursive: true });
      staged.push({ target, tmp });
      for (const file of files.filter((f) => f.path.startsWith(`${dir}/`))) {
        const dest = path.join(tmp, file.path.slice(dir.length + 1));
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.writeFileSync(dest, file.content);
      }
    }
  } catch (error) {
    for (const { tmp } of staged) fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  // Every folder is complete on disk; swap them in, each with two renames.
  for (const { target, tmp } of staged) {
    const old = path.join(path.dirname(target), `${OLD}${path.basename(target)}-${process.pid}`);
    const had = fs.existsSync(target);
    if (had) fs.renameSync(target, old);
    fs.renameSync(tmp, target);
    if (had) fs.rmSync(old, { recursive: true, force: true });
  }
}
