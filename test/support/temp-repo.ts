/** A throwaway copy of the spec inputs (openapi/, redocly.yaml, lint rules) to break on purpose. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './spec.ts';

const INPUTS = [
  'openapi',
  'redocly.yaml',
  '.redocly.lint-ignore.yaml',
  'scripts/lint-rules',
  'package.json',
  '.prettierrc.json',
];

export function makeTempRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minbil-repo-'));
  for (const entry of INPUTS)
    fs.cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  return dir;
}

/** Every file under `dir/sub` with its bytes, for before/after comparisons. */
export function snapshotTree(dir: string, sub: string): Record<string, string> {
  const out: Record<string, string> = {};
  const base = path.join(dir, sub);
  if (!fs.existsSync(base)) return out;
  for (const rel of fs.readdirSync(base, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(base, rel);
    if (fs.statSync(full).isFile()) out[rel] = fs.readFileSync(full, 'base64');
  }
  return out;
}
