/**
 * Reads what Changesets keeps in `.changeset/`: the config's `fixed` group (the packages
 * generated from one spec version) and the pending changesets (`<id>.md`: front matter naming
 * packages and bumps, then the sentence for the changelog).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type Bump = 'major' | 'minor' | 'patch';

export interface PendingChangeset {
  /** e.g. `.changeset/brave-owls.md` */
  file: string;
  releases: { name: string; type: Bump }[];
  summary: string;
}

const BUMPS: readonly Bump[] = ['major', 'minor', 'patch'];

/** The first `fixed` group of `.changeset/config.json`: the packages that share one version. */
export function fixedGroup(root: string): string[] {
  const config = JSON.parse(fs.readFileSync(path.join(root, '.changeset/config.json'), 'utf8')) as {
    fixed?: string[][];
  };
  const group = config.fixed?.[0];
  if (!group?.length) throw new Error('.changeset/config.json has no "fixed" group');
  return group;
}

/** Pending changesets, sorted by file name. Throws on a file Changesets itself would reject. */
export function readChangesets(root: string): PendingChangeset[] {
  const dir = path.join(root, '.changeset');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => {
      const file = `.changeset/${f}`;
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n?---\r?\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: missing the --- front matter ---`);
      const front = (parse(match[1]!) ?? {}) as Record<string, unknown>;
      const releases = Object.entries(front).map(([name, type]) => {
        if (!BUMPS.includes(type as Bump))
          throw new Error(`${file}: ${name} has bump "${String(type)}"; use major, minor or patch`);
        return { name, type: type as Bump };
      });
      return { file, releases, summary: match[2]!.trim() };
    });
}

/** The largest bump named by any changeset, or undefined when none names a package. */
export function largestBump(changesets: readonly PendingChangeset[]): Bump | undefined {
  const types = new Set(changesets.flatMap((c) => c.releases.map((r) => r.type)));
  return BUMPS.find((b) => types.has(b));
}
