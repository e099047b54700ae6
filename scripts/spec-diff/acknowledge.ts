/**
 * A breaking change ships only when acknowledged: the spec's `info.version` gets a new major
 * (the generated packages follow it), or a pending changeset bumps a generated package by major.
 */
import fs from 'node:fs';
import path from 'node:path';

const major = (version: string) => Number(/^(\d+)\./.exec(version)?.[1] ?? Number.NaN);

export function acknowledgedBy(
  root: string,
  baseVersion: string,
  revisionVersion: string,
): string | undefined {
  if (major(revisionVersion) > major(baseVersion))
    return `info.version ${baseVersion} -> ${revisionVersion}`;
  const dir = path.join(root, '.changeset');
  if (!fs.existsSync(dir)) return undefined;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const front =
      /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(dir, file), 'utf8'))?.[1] ?? '';
    if (/^\s*["']?@minbil\/[\w-]+["']?\s*:\s*major\s*$/m.test(front))
      return `changeset .changeset/${file}`;
  }
  return undefined;
}
