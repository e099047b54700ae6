/**
 * Content hashes that let a run skip work: the whole run when no input changed and the outputs on
 * disk are as the last run left them, and single stages whose input (bundled spec + own code) is
 * unchanged. The manifest lives in `.generate-cache.json` (not committed).
 */
import { createHash, hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { finishedFile, type FinishedFile } from './finished-file.ts';

export const MANIFEST = '.generate-cache.json';

export interface StageRecord {
  inputHash: string;
  /** Output path -> sha256 of its content. */
  files: Record<string, string>;
  /**
   * Output path -> hash of its text before Prettier (and of Prettier's version and config), so an
   * unchanged file keeps its formatted text without formatting again (format.ts).
   */
  sources?: Record<string, string>;
  /** How long the stage took when it last ran, for scheduling the longest first. */
  ms?: number;
}

export interface Manifest {
  inputsHash: string;
  stages: Record<string, StageRecord>; // key: `${api}/${stage}`
}

/** Hex SHA-256 (one-shot `crypto.hash`: a third faster than a Hash object on 100 MB). */
export const sha256 = (text: string | Uint8Array): string => hash('sha256', text);

/** Hash of every file under the given paths (files or folders), by relative path and content. */
export function hashPaths(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) {
      for (const name of fs.readdirSync(abs).sort())
        if (name !== 'node_modules') visit(`${rel}/${name}`);
    } else {
      hash.update(`${rel}\0`).update(fs.readFileSync(abs)).update('\0');
    }
  };
  for (const p of [...paths].sort()) visit(p);
  return hash.digest('hex');
}

export function readManifest(root: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

export function writeManifest(root: string, manifest: Manifest): void {
  const file = path.join(root, MANIFEST);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

/** The recorded files of a stage, read back from disk, when every one still has its recorded hash. */
export function reuseFromDisk(root: string, record: StageRecord): FinishedFile[] | undefined {
  const files: FinishedFile[] = [];
  for (const [rel, hash] of Object.entries(record.files)) {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return undefined;
    const bytes = fs.readFileSync(abs);
    if (sha256(bytes) !== hash) return undefined;
    files.push(finishedFile(rel, bytes));
  }
  return files;
}
