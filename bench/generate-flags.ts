/**
 * The Node flags `pnpm generate` starts with, read from package.json's `generate` script, so the
 * bench's children start ours exactly as an app team's `pnpm generate` does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../scripts/real-world/setup.ts';

export function generateNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.generate!.trim().split(/\s+/);
  const script = words.findIndex((w) => w.endsWith('.ts'));
  if (words[0] !== 'node' || script < 0)
    throw new Error(
      `package.json "generate" is not "node [flags] <script>.ts": ${words.join(' ')}`,
    );
  return words.slice(1, script);
}
